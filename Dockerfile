# The verslaghulp app image: the same install script as on a laptop (scripts/setup.sh), so the steps
# are build-checked outside Docker by every `make run` / `make test`.
FROM python:3.11-slim-bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake git \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY scripts ./scripts
COPY src ./src
COPY prompts ./prompts
COPY examples ./examples
RUN bash scripts/setup.sh app

ENV VERSLAGHULP_HOST=0.0.0.0 \
    VERSLAGHULP_PORT=7860 \
    VERSLAGHULP_DATA_DIR=/data \
    GRADIO_ANALYTICS_ENABLED=False \
    HF_HUB_OFFLINE=1
VOLUME ["/data"]
EXPOSE 7860
CMD [".venv/bin/verslaghulp", "serve", "--no-open"]
