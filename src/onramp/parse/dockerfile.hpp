#pragma once
// Dockerfiles read into instructions with a hand-written parser (no library covers them): line continuations
// (with the `# escape=` parser directive), heredocs, JSON (exec) form, comments between continued lines.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onramp::parse {

/// One instruction, continuations joined.
struct DockerInstruction {
  /// Upper-cased keyword: FROM, RUN, COPY, ADD, ENV, ARG, USER, EXPOSE, CMD, ENTRYPOINT, HEALTHCHECK, ...
  std::string keyword;
  /// Everything after the keyword and its flags, continuations joined as Docker joins them (the escape character
  /// and the line break removed), comment lines inside continuations dropped, heredoc bodies excluded.
  std::string arguments;
  /// For exec form (`["uvicorn", "app.main:app"]`): the JSON array's strings; empty for shell form.
  std::vector<std::string> exec_form;
  bool is_exec_form = false;
  /// `--from=builder`, `--chown=...`, `--mount=...` flags before the arguments, as written.
  std::vector<std::string> flags;
  /// Heredoc bodies (`RUN <<EOF ... EOF`), in order.
  std::vector<std::string> heredocs;
  /// The delimiters of those heredocs (`EOF`), in the same order.
  std::vector<std::string> heredoc_names;
  std::uint32_t line = 0;
  std::uint32_t end_line = 0;
};

/// One build stage: from a FROM to the next.
struct DockerStage {
  /// The image after FROM as written (`python:3.12-slim`, `${BASE}`), and the `AS name` alias if any.
  std::string image;
  std::string alias;
  /// `--platform=...` and other FROM flags.
  std::vector<std::string> flags;
  std::uint32_t line = 0;
  /// Instructions of this stage after its FROM.
  std::vector<DockerInstruction> instructions;
};

/// A parsed Dockerfile: global ARGs before the first FROM, then stages.
struct Dockerfile {
  std::vector<DockerInstruction> global_args;
  std::vector<DockerStage> stages;
  /// Lines that do not parse (an unknown instruction, an unterminated heredoc or JSON array), with a message.
  std::vector<std::pair<std::uint32_t, std::string>> errors;
  /// The `# escape=` parser directive's character (`\\` unless changed to a backtick).
  char escape = '\\';
};

Dockerfile read_dockerfile(std::string_view text);

/// `KEY=value KEY2="v w"` or the legacy `KEY value` of ENV/ARG/LABEL, split into pairs (values unquoted).
std::vector<std::pair<std::string, std::string>> split_key_values(std::string_view arguments);

/// One pair of split_key_values, telling `ARG NAME` (no value) from `ARG NAME=` (an empty one).
struct KeyValue {
  std::string key;
  std::string value;
  bool has_value = false;
};

/// split_key_values with the difference between a missing and an empty value kept.
std::vector<KeyValue> parse_key_values(std::string_view arguments);

/// The words of a shell-form command line with quotes and backslashes removed (`a "b c"` -> `a`, `b c`);
/// `&&`, `;`, `|` come out as words of their own when written apart.
std::vector<std::string> shell_words(std::string_view command);

}  // namespace onramp::parse
