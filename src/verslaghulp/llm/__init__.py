"""The language-model layer: LangChain chat models (embedded llama.cpp, Ollama, fake) and prompts."""
