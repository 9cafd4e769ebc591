#include "onramp/parse/compose.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <yaml-cpp/yaml.h>

#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/util/paths.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::parse {

namespace {

using Errors = std::vector<std::pair<std::uint32_t, std::string>>;

/// `extends` chains longer than this are reported like a cycle.
constexpr int kMaxExtendsDepth = 16;

std::uint32_t line_of(const YAML::Node& n) {
  const auto mark = n.Mark();
  return mark.is_null() ? 0 : static_cast<std::uint32_t>(mark.line + 1);
}

std::string scalar(const YAML::Node& n) {
  if (!n || !n.IsScalar()) return {};
  return n.Scalar();
}

using Entry = YamlEntry;

std::vector<Entry> entries(const YAML::Node& map) { return yaml_entries(map); }

YAML::Node get(const std::vector<Entry>& es, std::string_view key) {
  for (const auto& e : es) {
    if (e.key == key) return e.value;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

/// A scalar, or a list of scalars joined with spaces.
std::string joined(const YAML::Node& n) {
  if (!n) return {};
  if (n.IsScalar()) return n.Scalar();
  std::string out;
  if (n.IsSequence()) {
    for (const auto& item : n) {
      if (!item.IsScalar()) continue;
      if (!out.empty()) out += ' ';
      out += item.Scalar();
    }
  }
  return out;
}

/// A command's words: the list form as is, the string form split as a shell would.
std::vector<std::string> words_of(const YAML::Node& n) {
  if (!n) return {};
  if (n.IsScalar()) return shell_words(n.Scalar());
  std::vector<std::string> out;
  if (n.IsSequence()) {
    for (const auto& item : n) {
      if (item.IsScalar()) out.push_back(item.Scalar());
    }
  }
  return out;
}

std::string port_text(const YAML::Node& n) {
  if (n.IsScalar()) return n.Scalar();
  if (!n.IsMap()) return {};
  const auto es = entries(n);
  std::string out;
  if (const auto ip = scalar(get(es, "host_ip")); !ip.empty()) out += ip + ":";
  if (const auto pub = scalar(get(es, "published")); !pub.empty()) out += pub + ":";
  out += scalar(get(es, "target"));
  if (const auto proto = scalar(get(es, "protocol")); !proto.empty() && proto != "tcp") out += "/" + proto;
  return out;
}

std::string volume_text(const YAML::Node& n) {
  if (n.IsScalar()) return n.Scalar();
  if (!n.IsMap()) return {};
  const auto es = entries(n);
  const auto source = scalar(get(es, "source"));
  const auto target = scalar(get(es, "target"));
  return source.empty() ? target : source + ":" + target;
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& item : from) {
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
  }
}

struct Reader {
  const YamlLoader& loader;
  Errors& errors;
  /// (file, service) pairs on the current `extends` chain.
  std::vector<std::pair<std::string, std::string>> chain;
  std::map<std::string, YAML::Node> documents;

  /// The parsed document of a project file (cached); a null node with an error recorded when it cannot be read.
  YAML::Node document(const std::string& path, const std::string& from, std::uint32_t line) {
    if (const auto it = documents.find(path); it != documents.end()) return it->second;
    const auto load = [&]() -> YAML::Node {
      const auto* doc = loader(path);
      if (doc == nullptr) {
        errors.emplace_back(line, "extends names " + path + ", which is not a file of the scanned repository");
        return YAML::Node();
      }
      if (doc->error) {
        errors.emplace_back(line, path + " (extended from " + from + ") is not valid YAML: " + doc->error->message);
        return YAML::Node();
      }
      return doc->root;
    };
    return documents.emplace(path, load()).first->second;
  }

  static YAML::Node services_of(const YAML::Node& doc) {
    if (!doc.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    return get(entries(doc), "services");
  }

  void read_service(const std::string& path, const YAML::Node& services_node, const std::string& name,
                    const YAML::Node& body, ComposeService& svc, bool local) {
    const auto es = entries(body);
    const std::string file = local ? std::string() : path;
    // `extends` first: the service's own keys then override or add to the base.
    const auto ext_entry = std::find_if(es.begin(), es.end(), [](const Entry& e) { return e.key == "extends"; });
    if (ext_entry != es.end()) {
      const YAML::Node& ext = ext_entry->value;
      std::string base_name, base_file;
      if (ext.IsScalar()) {
        base_name = ext.Scalar();
      } else if (ext.IsMap()) {
        const auto xs = entries(ext);
        base_name = scalar(get(xs, "service"));
        base_file = scalar(get(xs, "file"));
      }
      if (svc.extends.empty()) svc.extends = base_name;
      const auto line = line_of(ext_entry->key_node);
      std::string target_path = path;
      if (!base_file.empty()) {
        target_path = resolve(path, base_file);
        if (target_path.empty()) {
          errors.emplace_back(line, "extends file " + base_file + " is outside the scanned repository; not followed");
          base_name.clear();
        } else if (svc.extends_file.empty() && local) {
          svc.extends_file = target_path;
        }
      }
      if (!base_name.empty()) {
        const std::pair<std::string, std::string> key{target_path, base_name};
        if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
          errors.emplace_back(line, "extends cycle through service " + base_name + "; not followed");
        } else if (chain.size() >= static_cast<std::size_t>(kMaxExtendsDepth)) {
          errors.emplace_back(line, "extends chain longer than " + std::to_string(kMaxExtendsDepth) + " services at " +
                                        base_name + "; not followed further");
        } else {
          // Never assign one YAML::Node to another: yaml-cpp's operator= rewrites the shared node.
          const YAML::Node base_services =
              target_path == path ? services_node : services_of(document(target_path, path, line));
          const auto base_body = yaml_get(base_services, base_name);
          if (!base_body || !base_body.IsMap()) {
            errors.emplace_back(line, "extends names service " + base_name + ", which " +
                                          (target_path == path ? std::string("this file") : target_path) +
                                          " does not define");
          } else {
            chain.push_back(key);
            read_service(target_path, base_services, base_name, base_body, svc, local && target_path == path);
            chain.pop_back();
          }
        }
      }
    }

    for (const auto& e : es) {
      const auto& v = e.value;
      if (e.key == "image") {
        svc.image = scalar(v);
      } else if (e.key == "build") {
        if (v.IsScalar()) {
          svc.build_context = v.Scalar();
          svc.dockerfile.clear();
        } else if (v.IsMap()) {
          const auto bs = entries(v);
          svc.build_context = scalar(get(bs, "context"));
          if (svc.build_context.empty()) svc.build_context = ".";
          svc.dockerfile = scalar(get(bs, "dockerfile"));
        }
      } else if (e.key == "command") {
        svc.command = joined(v);
        svc.command_words = words_of(v);
        svc.command_line = local ? line_of(e.key_node) : 0;
      } else if (e.key == "entrypoint") {
        svc.entrypoint = joined(v);
        svc.entrypoint_words = words_of(v);
        svc.entrypoint_line = local ? line_of(e.key_node) : 0;
      } else if (e.key == "ports" && v.IsSequence()) {
        std::vector<std::string> ports;
        for (const auto& p : v) {
          if (auto t = port_text(p); !t.empty()) ports.push_back(std::move(t));
        }
        add_unique(svc.ports, ports);
      } else if (e.key == "volumes" && v.IsSequence()) {
        std::vector<std::string> vols;
        for (const auto& p : v) {
          if (auto t = volume_text(p); !t.empty()) vols.push_back(std::move(t));
        }
        add_unique(svc.volumes, vols);
      } else if (e.key == "profiles" && v.IsSequence()) {
        svc.profiles.clear();
        for (const auto& p : v) {
          if (p.IsScalar()) svc.profiles.push_back(p.Scalar());
        }
      } else if (e.key == "depends_on") {
        const auto add = [&](std::string dep, std::string condition) {
          for (auto& d : svc.depends_on) {
            if (d.first == dep) {
              d.second = std::move(condition);
              return;
            }
          }
          svc.depends_on.emplace_back(std::move(dep), std::move(condition));
        };
        if (v.IsSequence()) {
          for (const auto& d : v) {
            if (d.IsScalar()) add(d.Scalar(), "");
          }
        } else if (v.IsMap()) {
          for (const auto& d : entries(v)) {
            add(d.key, d.value.IsMap() ? scalar(get(entries(d.value), "condition")) : std::string());
          }
        }
      } else if (e.key == "environment") {
        const auto set = [&](ComposeEnv env) {
          for (auto& old : svc.environment) {
            if (old.key == env.key) {
              old = std::move(env);
              return;
            }
          }
          svc.environment.push_back(std::move(env));
        };
        if (v.IsSequence()) {
          for (const auto& item : v) {
            if (!item.IsScalar()) continue;
            const auto& text = item.Scalar();
            const auto eq = text.find('=');
            ComposeEnv env{std::string(util::trim(std::string_view(text).substr(0, eq))), std::nullopt, line_of(item),
                           file};
            if (eq != std::string::npos) env.value = text.substr(eq + 1);
            set(std::move(env));
          }
        } else if (v.IsMap()) {
          for (const auto& item : entries(v)) {
            ComposeEnv env{item.key, std::nullopt, line_of(item.key_node), file};
            if (item.value.IsScalar()) env.value = item.value.Scalar();
            set(std::move(env));
          }
        }
      } else if (e.key == "env_file") {
        std::vector<std::string> files;
        const auto add = [&](const YAML::Node& f) {
          if (f.IsScalar()) files.push_back(f.Scalar());
          if (f.IsMap()) {
            if (auto p = scalar(get(entries(f), "path")); !p.empty()) files.push_back(std::move(p));
          }
        };
        if (v.IsSequence()) {
          for (const auto& f : v) add(f);
        } else {
          add(v);
        }
        add_unique(svc.env_files, files);
      } else if (e.key == "healthcheck" && v.IsMap()) {
        const auto hs = entries(v);
        const auto disable = scalar(get(hs, "disable"));
        auto test = get(hs, "test");
        std::string text;
        if (test && test.IsSequence()) {
          std::vector<std::string> words;
          for (const auto& w : test) {
            if (w.IsScalar()) words.push_back(w.Scalar());
          }
          if (!words.empty() && (words.front() == "CMD" || words.front() == "CMD-SHELL")) words.erase(words.begin());
          else if (!words.empty() && words.front() == "NONE") words.clear(), text = "NONE";
          if (text.empty()) text = util::join(words, " ");
        } else if (test && test.IsScalar()) {
          text = test.Scalar();
        }
        svc.has_healthcheck = disable != "true" && text != "NONE";
        svc.healthcheck = svc.has_healthcheck ? text : std::string();
      }
    }
    (void)name;
  }

  /// `file` of `extends`, relative to the directory of `from`, normalised; empty when it leaves the root.
  static std::string resolve(const std::string& from, const std::string& file) {
    auto out = util::join_path(util::parent_dir(from), file);
    return out == "." ? std::string{} : out;
  }
};

}  // namespace

ComposeFile read_compose(const YamlLoader& load, const std::string& path) {
  ComposeFile out;
  out.path = path;
  const auto* document = load(path);
  if (document == nullptr) {
    out.errors.emplace_back(0, "cannot be read");
    return out;
  }
  if (document->error) {
    out.errors.emplace_back(document->error->line, document->error->message);
    return out;
  }
  try {
    const YAML::Node& doc = document->root;
    if (!doc || doc.IsNull()) return out;
    if (!doc.IsMap()) {
      out.errors.emplace_back(line_of(doc), "a compose file must be a mapping (services:, volumes:, ...)");
      return out;
    }
    const auto top = entries(doc);
    const auto services = get(top, "services");
    if (!services || services.IsNull()) return out;
    if (!services.IsMap()) {
      out.errors.emplace_back(line_of(services), "`services` must be a mapping of service names");
      return out;
    }
    Reader reader{load, out.errors, {}, {}};
    for (const auto& e : entries(services)) {
      ComposeService svc;
      svc.name = e.key;
      svc.line = line_of(e.key_node);
      // `name: !reset` (Compose 2.24's merge tag) removes the service an earlier file declared: nothing to read.
      if (e.value.Tag() == "!reset") continue;
      if (!e.value.IsMap()) {
        if (!e.value.IsNull()) out.errors.emplace_back(svc.line, "service " + e.key + " must be a mapping");
        out.services.push_back(std::move(svc));
        continue;
      }
      reader.chain = {{path, e.key}};
      reader.read_service(path, services, e.key, e.value, svc, true);
      out.services.push_back(std::move(svc));
    }
  } catch (const YAML::Exception& e) {
    out.errors.emplace_back(e.mark.is_null() ? 0 : static_cast<std::uint32_t>(e.mark.line + 1), e.msg);
  } catch (const std::exception& e) {
    out.errors.emplace_back(0, e.what());
  }
  return out;
}

}  // namespace onramp::parse
