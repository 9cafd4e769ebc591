#include "onramp/checks/local-setup/setup_files.hpp"

#include "onramp/model/inputs.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "onramp/core/masking.hpp"
#include "onramp/core/secret_keys.hpp"
#include "onramp/util/secrets.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

std::string_view basename(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// Dockerfile.j2, Dockerfile.template: templates rendered before docker sees them, not Dockerfiles yet.
bool is_dockerfile_template(std::string_view path) {
  for (const std::string_view ext :
       {".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".template", ".in", ".mustache", ".erb"}) {
    if (path.ends_with(ext)) return true;
  }
  return false;
}

}  // namespace

std::vector<LoadedDockerfile> load_dockerfiles(const model::Project& project) {
  std::vector<LoadedDockerfile> out;
  for (const auto* f : project.files_of(core::FileKind::dockerfile)) {
    if (is_dockerfile_template(f->path)) continue;
    if (const auto* df = project.inputs().dockerfile(f->path)) out.push_back({f->path, *df});
  }
  return out;
}

std::vector<LoadedDockerfile> load_valid_dockerfiles(const model::Project& project) {
  std::vector<LoadedDockerfile> out;
  for (auto& df : load_dockerfiles(project)) {
    if (df.file.errors.empty()) out.push_back(df);
  }
  return out;
}

std::vector<std::reference_wrapper<const parse::ComposeFile>> load_compose_files(const model::Project& project) {
  std::vector<std::reference_wrapper<const parse::ComposeFile>> out;
  for (const auto* f : project.files_of(core::FileKind::compose)) {
    if (const auto* c = project.inputs().compose(f->path)) out.emplace_back(*c);
  }
  return out;
}

std::vector<LoadedEnvFile> load_env_files(const model::Project& project) {
  std::vector<LoadedEnvFile> out;
  for (const auto* f : project.files_of(core::FileKind::env)) {
    if (const auto* env = project.inputs().env_file(f->path)) out.push_back({f->path, *env});
  }
  return out;
}

ImageRef parse_image(std::string_view image) {
  ImageRef ref;
  const auto at = image.find('@');
  if (at != std::string_view::npos) {
    ref.digest = std::string(image.substr(at + 1));
    image = image.substr(0, at);
  }
  const auto slash = image.rfind('/');
  const auto colon = image.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    ref.tag = std::string(image.substr(colon + 1));
    image = image.substr(0, colon);
  }
  ref.name = util::to_lower(image);
  return ref;
}

bool expand_variables(std::string_view text, const std::map<std::string, std::string>& values, std::string& out) {
  out.clear();
  bool complete = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    std::string name, fallback;
    bool has_fallback = false;
    if (text[i + 1] == '{') {
      const auto close = text.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += text.substr(i);
        return false;
      }
      auto inner = text.substr(i + 2, close - i - 2);
      const auto op = inner.find(":-");
      if (op != std::string_view::npos) {
        fallback = std::string(inner.substr(op + 2));
        has_fallback = true;
        inner = inner.substr(0, op);
      }
      name = std::string(inner);
      i = close;
    } else {
      std::size_t j = i + 1;
      while (j < text.size() && is_name_char(text[j])) ++j;
      if (j == i + 1) {
        out += '$';
        continue;
      }
      name = std::string(text.substr(i + 1, j - i - 1));
      i = j - 1;
    }
    const auto it = values.find(name);
    if (it != values.end() && !it->second.empty()) {
      out += it->second;
    } else if (has_fallback) {
      out += fallback;
    } else {
      complete = false;
    }
  }
  return complete;
}

std::map<std::string, std::string> global_arg_defaults(const parse::Dockerfile& file) {
  std::map<std::string, std::string> out;
  for (const auto& arg : file.global_args) {
    for (const auto& kv : parse::parse_key_values(arg.arguments)) {
      if (kv.has_value) out[kv.key] = kv.value;
    }
  }
  return out;
}

std::vector<int> stage_parents(const parse::Dockerfile& file) {
  // One pass with the aliases seen so far (the latest stage of a name wins): linear however many stages there are.
  std::vector<int> parents(file.stages.size(), -1);
  std::unordered_map<std::string, int> by_alias;
  for (std::size_t i = 0; i < file.stages.size(); ++i) {
    const auto image = util::to_lower(file.stages[i].image);
    if (const auto it = by_alias.find(image); it != by_alias.end()) {
      parents[i] = it->second;
    } else if (!image.empty() && image.size() <= 9 &&
               std::all_of(image.begin(), image.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      // `FROM 0`: an earlier stage by its index.
      const auto index = std::stoul(image);
      if (index < i) parents[i] = static_cast<int>(index);
    }
    if (!file.stages[i].alias.empty()) by_alias[file.stages[i].alias] = static_cast<int>(i);
  }
  return parents;
}

std::vector<bool> shipping_stages(const parse::Dockerfile& file) {
  std::vector<bool> ships(file.stages.size(), false);
  if (file.stages.empty()) return ships;
  const auto parents = stage_parents(file);
  for (int s = static_cast<int>(file.stages.size()) - 1; s >= 0 && !ships[static_cast<std::size_t>(s)];
       s = parents[static_cast<std::size_t>(s)]) {
    ships[static_cast<std::size_t>(s)] = true;
  }
  return ships;
}

std::string_view command_name(std::string_view word) { return basename(word); }

namespace {

bool is_assignment(std::string_view word) {
  const auto eq = word.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  for (std::size_t i = 0; i < eq; ++i) {
    if (!is_name_char(word[i])) return false;
  }
  return !(word[0] >= '0' && word[0] <= '9');
}

std::vector<SimpleCommand> split_commands(const std::vector<std::string>& words) {
  std::vector<SimpleCommand> out;
  SimpleCommand cur;
  const auto flush = [&] {
    if (!cur.words.empty() || !cur.assignments.empty()) out.push_back(std::move(cur));
    cur = {};
  };
  for (const auto& w : words) {
    if (w == "&&" || w == "||" || w == ";" || w == "|" || w == "&" || w == "(" || w == ")" || w == "{" || w == "}" ||
        w == "then" || w == "do" || w == "else") {
      flush();
      continue;
    }
    if (cur.words.empty() && is_assignment(w)) {
      cur.assignments.push_back(w);
      continue;
    }
    cur.words.push_back(w);
  }
  flush();
  return out;
}

bool is_shell(std::string_view word) {
  const auto name = command_name(word);
  return name == "sh" || name == "bash" || name == "ash" || name == "dash" || name == "zsh";
}

}  // namespace

std::vector<SimpleCommand> run_commands(const parse::DockerInstruction& run) {
  if (run.is_exec_form) {
    // ["/bin/sh", "-c", "apt-get update && ..."] runs the string through a shell.
    if (run.exec_form.size() >= 3 && is_shell(run.exec_form[0]) && run.exec_form[1] == "-c") {
      return split_commands(parse::shell_words(run.exec_form[2]));
    }
    return split_commands(run.exec_form);
  }
  std::vector<SimpleCommand> out = split_commands(parse::shell_words(run.arguments));
  if (!run.heredocs.empty()) {
    // `RUN <<EOF` and `RUN bash <<EOF` run the body as a script; `RUN python <<EOF` does not.
    const auto head = util::trim(std::string_view(run.arguments).substr(0, run.arguments.find("<<")));
    const bool script = head.empty() || is_shell(head.substr(0, head.find(' ')));
    if (script) {
      for (const auto& body : run.heredocs) {
        auto more = split_commands(parse::shell_words(body));
        out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
      }
    }
  }
  return out;
}

std::vector<std::string> cache_mount_targets(const parse::DockerInstruction& run) {
  std::vector<std::string> out;
  for (const auto& flag : run.flags) {
    if (!flag.starts_with("--mount=")) continue;
    bool cache = false;
    std::string target;
    for (auto part : util::split(std::string_view(flag).substr(8), ',')) {
      if (part == "type=cache") cache = true;
      for (const std::string_view key : {"target=", "dst=", "destination="}) {
        if (part.starts_with(key)) target = std::string(part.substr(key.size()));
      }
    }
    if (cache && !target.empty()) {
      while (target.size() > 1 && target.back() == '/') target.pop_back();
      out.push_back(target);
    }
  }
  return out;
}

SecretValue classify_secret_value(std::string_view value) {
  const auto v = util::trim(value);
  if (v.empty()) return SecretValue::empty;
  // `${SECRET_KEY}`, `$SECRET_KEY`, `${SECRET_KEY:?set it}`: taken from the environment at run time.
  if (v.front() == '$') return SecretValue::interpolated;
  if (core::is_placeholder_value(v)) return SecretValue::placeholder;
  return SecretValue::literal;
}

SecretValue classify_url_password(std::string_view value) {
  SecretValue worst = SecretValue::empty;
  for (std::size_t pos = value.find("://"); pos != std::string_view::npos; pos = value.find("://", pos + 3)) {
    const auto start = pos + 3;
    const auto end = value.find_first_of(" \t\"'", start);
    const auto authority = value.substr(start, (end == std::string_view::npos ? value.size() : end) - start);
    const auto at = authority.rfind('@');
    const auto colon = authority.find(':');
    const auto slash = authority.find_first_of("/?#");
    if (at == std::string_view::npos || colon == std::string_view::npos || colon > at ||
        (slash != std::string_view::npos && slash < colon)) {
      continue;
    }
    const auto user = authority.substr(0, colon);
    const auto password = authority.substr(colon + 1, at - colon - 1);
    SecretValue kind = SecretValue::empty;
    if (password.empty()) kind = SecretValue::empty;
    else if (password.front() == '$') kind = SecretValue::interpolated;
    else if (password == user || core::is_placeholder_value(password)) kind = SecretValue::placeholder;
    else kind = SecretValue::literal;
    if (static_cast<int>(kind) > static_cast<int>(worst)) worst = kind;
  }
  return worst;
}

bool has_url_password(std::string_view value) { return classify_url_password(value) == SecretValue::literal; }

std::string secret_hint(std::string_view value) {
  auto masked = util::mask_secret(value);
  return masked == "…" ? std::string("value hidden") : masked;
}

bool same_as_user(std::string_view value, const std::vector<std::pair<std::string, std::string>>& siblings) {
  if (value.empty()) return false;
  for (const auto& [key, other] : siblings) {
    if (other != value) continue;
    for (const auto& w : core::key_words(key)) {
      if (w == "user" || w == "username" || w == "login") return true;
    }
  }
  return false;
}

SecretJudgement judge_secret(std::string_view key, std::string_view value,
                             const std::vector<std::pair<std::string, std::string>>& siblings) {
  SecretJudgement j;
  if (core::is_secret_key(key)) {
    j.kind = classify_secret_value(value);
    if (j.kind == SecretValue::literal && same_as_user(util::trim(value), siblings)) {
      j.kind = SecretValue::placeholder;
      j.same_as_user = true;
    }
    return j;
  }
  j.kind = classify_url_password(value);
  j.url = j.kind != SecretValue::empty;
  return j;
}

using core::is_secret_option;

std::vector<SecretOption> secret_options(const std::vector<std::string>& words) {
  std::vector<SecretOption> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!is_secret_option(words[i])) continue;
    const auto eq = words[i].find('=');
    std::string option = words[i].substr(0, eq);
    std::string value;
    if (eq != std::string::npos) value = words[i].substr(eq + 1);
    else if (i + 1 < words.size() && !words[i + 1].starts_with('-')) value = words[++i];
    if (value.empty() || value.front() == '$') continue;
    out.push_back({std::move(option), std::move(value)});
  }
  return out;
}

std::string mask_text(std::string_view text) { return core::mask_secrets(text); }

std::vector<std::string> mask_words(const std::vector<std::string>& words) { return core::mask_secret_words(words); }

core::Finding make_finding(const core::Rule& rule, std::string path, std::uint32_t line, std::string message,
                           std::string code) {
  return core::make_finding(rule, std::move(path), core::Location{line, line == 0 ? 0U : 1U, line, line == 0 ? 0U : 1U},
                            std::move(message), std::move(code));
}

}  // namespace onramp::checks::local_setup
