"""HTTP routes, one module per resource; each JSON route is a thin shell over one named query."""
