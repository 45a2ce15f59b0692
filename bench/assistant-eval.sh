#!/usr/bin/env bash
# Assistant and search accuracy on the labelled questions, and the assistant's answer time: bench/assistant-eval.sh [rounds]
exec "$(dirname "$0")/run.sh" AssistantEval "$@"
