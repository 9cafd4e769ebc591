#include "onramp/parse/dockerfile.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

#include "onramp/util/strings.hpp"

namespace onramp::parse {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

constexpr std::array<std::string_view, 18> kKeywords = {
    "FROM",       "RUN",    "CMD",  "LABEL",   "MAINTAINER", "EXPOSE",  "ENV",        "ADD",         "COPY",
    "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG",        "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"};

bool known_keyword(std::string_view k) {
  for (auto known : kKeywords) {
    if (known == k) return true;
  }
  return false;
}

/// `# key=value` at the top of the file: BuildKit's parser directives (escape, syntax, check).
bool read_directive(std::string_view line, std::string& key, std::string& value) {
  line = trim_left(line);
  if (line.empty() || line.front() != '#') return false;
  line = util::trim(line.substr(1));
  std::size_t k = 0;
  while (k < line.size() && std::isalpha(static_cast<unsigned char>(line[k])) != 0) ++k;
  if (k == 0) return false;
  key = util::to_lower(line.substr(0, k));
  auto rest = util::trim(line.substr(k));
  if (rest.empty() || rest.front() != '=') return false;
  value = std::string(util::trim(rest.substr(1)));
  return true;
}

struct Heredoc {
  std::string name;
  bool strip_tabs = false;
};

/// `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'` outside quotes, in order; `<<<` (a here-string) is not one.
std::vector<Heredoc> find_heredocs(std::string_view args) {
  std::vector<Heredoc> out;
  char quote = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const char c = args[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      else if (c == '\\' && quote == '"') ++i;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      continue;
    }
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c != '<' || i + 1 >= args.size() || args[i + 1] != '<') continue;
    if ((i > 0 && args[i - 1] == '<') || (i + 2 < args.size() && args[i + 2] == '<')) {
      i += 2;
      continue;
    }
    std::size_t j = i + 2;
    Heredoc h;
    if (j < args.size() && args[j] == '-') {
      h.strip_tabs = true;
      ++j;
    }
    char q = 0;
    if (j < args.size() && (args[j] == '"' || args[j] == '\'')) q = args[j++];
    const std::size_t start = j;
    while (j < args.size() && (std::isalnum(static_cast<unsigned char>(args[j])) != 0 || args[j] == '_' ||
                               args[j] == '-' || args[j] == '.')) {
      ++j;
    }
    if (j == start) continue;
    h.name = std::string(args.substr(start, j - start));
    if (q != 0) {
      if (j < args.size() && args[j] == q) ++j;
      else continue;
    }
    out.push_back(std::move(h));
    i = j - 1;
  }
  return out;
}

/// Leading `--name=value` words, taken off the arguments.
std::vector<std::string> take_flags(std::string_view& args) {
  std::vector<std::string> flags;
  for (;;) {
    args = trim_left(args);
    if (!args.starts_with("--") || args.size() == 2 || is_blank(args[2])) break;
    std::size_t end = 0;
    char quote = 0;
    for (; end < args.size(); ++end) {
      const char c = args[end];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (is_blank(c)) {
        break;
      }
    }
    flags.emplace_back(args.substr(0, end));
    args.remove_prefix(end);
  }
  return flags;
}

/// A JSON array of strings, or nothing.
bool parse_exec_form(std::string_view args, std::vector<std::string>& out) {
  args = util::trim(args);
  if (args.empty() || args.front() != '[') return false;
  const auto doc = nlohmann::json::parse(args, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_array()) return false;
  std::vector<std::string> words;
  for (const auto& item : doc) {
    if (!item.is_string()) return false;
    words.push_back(item.get<std::string>());
  }
  out = std::move(words);
  return true;
}

bool takes_exec_form(std::string_view keyword) {
  return keyword == "RUN" || keyword == "CMD" || keyword == "ENTRYPOINT" || keyword == "SHELL" || keyword == "COPY" ||
         keyword == "ADD" || keyword == "VOLUME";
}

/// Removes quotes and backslash escapes; white space is kept as written.
std::string unquote(std::string_view s) {
  std::string out;
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote == '\'') {
      if (c == '\'') quote = 0;
      else out += c;
    } else if (c == '\\' && i + 1 < s.size() &&
               (quote == 0 || s[i + 1] == '"' || s[i + 1] == '\\' || s[i + 1] == '$')) {
      out += s[++i];
    } else if (quote == '"') {
      if (c == '"') quote = 0;
      else out += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else {
      out += c;
    }
  }
  return out;
}

/// Splits on white space outside quotes; the words keep their quotes.
std::vector<std::string_view> raw_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_blank(s[i]) || s[i] == '\n')) ++i;
    if (i >= s.size()) break;
    const std::size_t start = i;
    char quote = 0;
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
        else if (c == '\\' && quote == '"') ++i;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '\\') {
        ++i;
      } else if (is_blank(c) || c == '\n') {
        break;
      }
    }
    out.push_back(s.substr(start, std::min(i, s.size()) - start));
  }
  return out;
}

}  // namespace

Dockerfile read_dockerfile(std::string_view text) {
  Dockerfile out;
  const auto lines = util::lines_of(text);

  // Parser directives: only before anything else, each key once.
  std::vector<std::string> seen;
  for (const auto line : lines) {
    std::string key, value;
    if (!read_directive(line, key, value)) break;
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) break;
    seen.push_back(key);
    if (key == "escape") {
      if (value == "\\" || value == "`") out.escape = value.front();
      else out.errors.emplace_back(static_cast<std::uint32_t>(seen.size()), "the escape directive takes \\ or `");
    }
  }
  const char escape = out.escape;

  std::size_t i = 0;
  while (i < lines.size()) {
    const auto first = trim_left(lines[i]);
    if (first.empty() || first.front() == '#') {
      ++i;
      continue;
    }
    DockerInstruction ins;
    ins.line = static_cast<std::uint32_t>(i + 1);
    std::string logical;
    bool continued = true;
    bool first_line = true;
    while (continued && i < lines.size()) {
      const auto cur = lines[i];
      const auto lead = trim_left(cur);
      ++i;
      if (!first_line && (lead.empty() || lead.front() == '#')) continue;  // dropped inside a continuation
      first_line = false;
      const auto body = trim_right(cur);
      continued = !body.empty() && body.back() == escape;
      logical += continued ? body.substr(0, body.size() - 1) : cur;
      ins.end_line = static_cast<std::uint32_t>(i);
    }

    std::string_view rest = trim_left(logical);
    std::size_t kw_end = 0;
    while (kw_end < rest.size() && !is_blank(rest[kw_end])) ++kw_end;
    ins.keyword = upper(rest.substr(0, kw_end));
    rest = util::trim(rest.substr(kw_end));
    if (!known_keyword(ins.keyword)) {
      out.errors.emplace_back(ins.line, "unknown instruction `" + std::string(ins.keyword.substr(0, 40)) + "`");
      continue;
    }

    if (ins.keyword == "RUN" || ins.keyword == "COPY" || ins.keyword == "ADD") {
      for (const auto& h : find_heredocs(rest)) {
        std::string body;
        bool closed = false;
        while (i < lines.size()) {
          std::string_view l = lines[i++];
          if (h.strip_tabs) {
            while (!l.empty() && l.front() == '\t') l.remove_prefix(1);
          }
          if (l == h.name) {
            closed = true;
            break;
          }
          body += l;
          body += '\n';
        }
        ins.end_line = static_cast<std::uint32_t>(i);
        if (!closed) out.errors.emplace_back(ins.line, "heredoc <<" + h.name + " is never closed");
        ins.heredocs.push_back(std::move(body));
        ins.heredoc_names.push_back(h.name);
      }
    }

    if (ins.keyword != "ONBUILD") ins.flags = take_flags(rest);
    ins.arguments = std::string(util::trim(rest));
    if (takes_exec_form(ins.keyword)) {
      ins.is_exec_form = parse_exec_form(ins.arguments, ins.exec_form);
      const bool command = ins.keyword == "CMD" || ins.keyword == "ENTRYPOINT" || ins.keyword == "SHELL";
      if (!ins.is_exec_form && command && ins.arguments.starts_with('[') && ins.arguments.ends_with(']')) {
        out.errors.emplace_back(ins.line, ins.keyword +
                                              " looks like the exec form but is not a JSON array of "
                                              "double-quoted strings; Docker will run it through /bin/sh as written");
      }
    } else if (ins.keyword == "HEALTHCHECK") {
      const auto args = std::string_view(ins.arguments);
      if (args.size() > 3 && upper(args.substr(0, 3)) == "CMD" && is_blank(args[3])) {
        ins.is_exec_form = parse_exec_form(args.substr(4), ins.exec_form);
      }
    }

    if (ins.keyword == "FROM") {
      DockerStage stage;
      stage.line = ins.line;
      stage.flags = ins.flags;
      const auto words = raw_words(ins.arguments);
      if (words.empty()) {
        out.errors.emplace_back(ins.line, "FROM without an image");
        continue;
      }
      stage.image = std::string(words[0]);
      if (words.size() == 3 && upper(words[1]) == "AS") {
        stage.alias = util::to_lower(words[2]);
      } else if (words.size() != 1) {
        out.errors.emplace_back(ins.line, "FROM takes an image and an optional `AS name`");
      }
      out.stages.push_back(std::move(stage));
      continue;
    }
    if (out.stages.empty()) {
      if (ins.keyword == "ARG") out.global_args.push_back(std::move(ins));
      else out.errors.emplace_back(ins.line, ins.keyword + " before the first FROM");
      continue;
    }
    out.stages.back().instructions.push_back(std::move(ins));
  }
  if (out.stages.empty() && out.errors.empty()) out.errors.emplace_back(1, "no FROM instruction");
  return out;
}

std::vector<KeyValue> parse_key_values(std::string_view arguments) {
  std::vector<KeyValue> out;
  arguments = util::trim(arguments);
  const auto words = raw_words(arguments);
  if (words.empty()) return out;
  const auto first_eq = words[0].find('=');
  if (first_eq == std::string_view::npos || first_eq == 0) {
    // Legacy `KEY value with spaces`, or a lone `NAME`.
    KeyValue kv{unquote(words[0]), {}, false};
    const auto rest = util::trim(arguments.substr(words[0].size()));
    if (!rest.empty()) {
      kv.value = unquote(rest);
      kv.has_value = true;
    }
    out.push_back(std::move(kv));
    return out;
  }
  for (const auto word : words) {
    const auto eq = word.find('=');
    if (eq == std::string_view::npos) {
      out.push_back({unquote(word), {}, false});
      continue;
    }
    out.push_back({unquote(word.substr(0, eq)), unquote(word.substr(eq + 1)), true});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> split_key_values(std::string_view arguments) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& kv : parse_key_values(arguments)) out.emplace_back(std::move(kv.key), std::move(kv.value));
  return out;
}

std::vector<std::string> shell_words(std::string_view command) {
  std::vector<std::string> out;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  const auto flush = [&] {
    if (in_word) out.push_back(std::move(cur));
    cur.clear();
    in_word = false;
  };
  for (std::size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (quote == '\'') {
      if (c == '\'') quote = 0;
      else cur += c;
      continue;
    }
    if (quote == '"') {
      if (c == '"') quote = 0;
      else if (c == '\\' && i + 1 < command.size() &&
               (command[i + 1] == '"' || command[i + 1] == '\\' || command[i + 1] == '$'))
        cur += command[++i];
      else cur += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < command.size()) {
      if (command[i + 1] != '\n') {
        cur += command[i + 1];
        in_word = true;
      }
      ++i;
    } else if (is_blank(c)) {
      flush();
    } else if (c == '\n' || c == ';') {
      flush();
      out.emplace_back(";");
    } else if (c == '&' && !cur.empty() && (cur.back() == '>' || cur.back() == '<')) {
      cur += c;  // 2>&1
    } else if (c == '&' || c == '|') {
      flush();
      if (i + 1 < command.size() && command[i + 1] == c) {
        out.emplace_back(std::string(2, c));
        ++i;
      } else {
        out.emplace_back(1, c);
      }
    } else {
      cur += c;
      in_word = true;
    }
  }
  flush();
  return out;
}

}  // namespace onramp::parse
