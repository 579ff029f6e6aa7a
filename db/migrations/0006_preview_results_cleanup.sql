-- Previews used to store their results here, and nothing evicted them. Only results of stored
-- forecasts (posts' and forks') are kept from now on; the rest were previews nobody published.
DELETE FROM forecast_results
WHERE NOT EXISTS (
  SELECT 1 FROM forecasts f
  WHERE f.model_id = forecast_results.model_id
    AND f.model_version = forecast_results.model_version
    AND f.inputs_hash = forecast_results.inputs_hash
    AND f.seed = forecast_results.seed
    AND f.sample_count = forecast_results.sample_count
);
