"""Running the service in the open: Prometheus metrics, readiness, structured logs with request ids."""
