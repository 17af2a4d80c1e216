"""The domain: form definitions (data), the report model, and rendering."""
