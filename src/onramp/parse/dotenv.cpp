#include "onramp/parse/dotenv.hpp"

#include "onramp/util/strings.hpp"

namespace onramp::parse {

namespace {

bool is_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

/// python-dotenv's escapes in double quotes; anything else keeps its backslash.
char unescape(char c, bool& known) {
  known = true;
  switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case '\\': return '\\';
    case '"': return '"';
    case '\'': return '\'';
    case '$': return '$';
    default: known = false; return c;
  }
}

/// After a closing quote only white space and a comment may follow.
bool only_comment_left(std::string_view rest) {
  rest = util::trim(rest);
  return rest.empty() || rest.front() == '#';
}

}  // namespace

EnvFile read_env_file(std::string_view text) {
  EnvFile out;
  const auto lines = util::lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line_no = static_cast<std::uint32_t>(i + 1);
    std::string_view line = util::trim(lines[i]);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("export") && line.size() > 6 && is_space(line[6])) line = util::trim(line.substr(7));
    const auto eq = line.find('=');
    const auto key = util::trim(line.substr(0, eq));
    bool key_ok = !key.empty() && !(key.front() >= '0' && key.front() <= '9');
    for (char c : key) key_ok = key_ok && is_key_char(c);
    if (!key_ok) {
      out.errors.emplace_back(line_no, eq == std::string_view::npos
                                           ? "not a KEY=value line"
                                           : "the key is not a variable name (letters, digits, _ . -)");
      continue;
    }
    EnvEntry entry{std::string(key), {}, line_no, false, false};
    if (eq == std::string_view::npos) {
      entry.empty = true;
      out.entries.push_back(std::move(entry));
      continue;
    }
    std::string_view rest = line.substr(eq + 1);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    if (rest.empty() || rest.front() == '#') {
      entry.empty = true;
      out.entries.push_back(std::move(entry));
      continue;
    }
    const char quote = rest.front();
    if (quote != '"' && quote != '\'') {
      // Unquoted: an inline comment starts at a `#` after white space.
      std::size_t end = rest.size();
      for (std::size_t k = 1; k < rest.size(); ++k) {
        if (rest[k] == '#' && is_space(rest[k - 1])) {
          end = k;
          break;
        }
      }
      entry.value = std::string(util::trim(rest.substr(0, end)));
      entry.empty = entry.value.empty();
      out.entries.push_back(std::move(entry));
      continue;
    }
    // Quoted, possibly over several lines.
    entry.quoted = true;
    std::string value;
    bool closed = false;
    std::size_t j = i;
    std::string_view cur = rest.substr(1);
    for (;;) {
      std::size_t k = 0;
      for (; k < cur.size(); ++k) {
        const char c = cur[k];
        if (c == quote) {
          closed = true;
          break;
        }
        if (c == '\\' && k + 1 < cur.size() && (quote == '"' || cur[k + 1] == '\'' || cur[k + 1] == '\\')) {
          bool known = false;
          const char u = unescape(cur[k + 1], known);
          if (!known) value += '\\';
          value += u;
          ++k;
          continue;
        }
        value += c;
      }
      if (closed) {
        if (!only_comment_left(cur.substr(k + 1))) {
          out.errors.emplace_back(line_no, "text after the closing quote");
        }
        break;
      }
      if (++j >= lines.size()) break;
      value += '\n';
      cur = lines[j];
    }
    if (!closed) {
      out.errors.emplace_back(line_no, std::string("unterminated ") + (quote == '"' ? "double" : "single") + " quote");
      continue;  // the lines after it are read as lines of their own
    }
    i = j;
    entry.value = std::move(value);
    out.entries.push_back(std::move(entry));
  }
  return out;
}

}  // namespace onramp::parse
