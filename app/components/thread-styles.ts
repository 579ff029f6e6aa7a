// The stylesheets a thread's parts need, wherever a thread is shown: the post page and a
// comment's permalink render the same comments, fork cards and editors.
import analysisCss from "~/styles/analysis.css?url";
import chartCss from "~/styles/charts.css?url";
import editorCss from "~/styles/forecast-editor.css?url";
import quickCss from "~/styles/quick.css?url";
import spreadCss from "~/styles/spread.css?url";
import squiggleCss from "~/styles/squiggle.css?url";
import { liveStatusLinks } from "./live-status";

export const threadLinks = () => [chartCss, editorCss, quickCss, spreadCss, analysisCss, squiggleCss].map((href) => ({ rel: "stylesheet", href })).concat(liveStatusLinks());
