"""The Gradio web app; it calls the use cases and holds no logic of its own."""
