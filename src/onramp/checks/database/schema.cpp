#include "onramp/checks/database/schema.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "onramp/facts/index.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::database {

namespace {

/// The part after the last dot (`Column` of `sqlalchemy.Column`, of `flask_sqlalchemy.SQLAlchemy().Column`).
std::string_view last_part(std::string_view name) {
  const auto dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// `UserAccount` -> `user_account`, as Flask-SQLAlchemy names a table it is not told.
std::string snake_case(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      const bool boundary = i > 0 && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= '0' && s[i - 1] <= '9') ||
                                      (i + 1 < s.size() && s[i + 1] >= 'a' && s[i + 1] <= 'z' && s[i - 1] != '_'));
      if (boundary) out += '_';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

bool is_true(const facts::Argument& a) { return a.value == "True"; }

const facts::Argument* keyword(const std::vector<facts::Argument>& args, std::string_view name) {
  for (const auto& a : args) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

/// The positional arguments, in order.
std::vector<const facts::Argument*> positional(const std::vector<facts::Argument>& args) {
  std::vector<const facts::Argument*> out;
  for (const auto& a : args) {
    if (a.name.empty()) out.push_back(&a);
  }
  return out;
}

/// A written type without its module prefix: `sa.String(255)` -> `String(255)`.
std::string short_type(std::string_view written) {
  const auto paren = written.find_first_of("([");
  const auto head = written.substr(0, paren);
  const auto dot = head.rfind('.');
  return std::string(dot == std::string_view::npos ? written : written.substr(dot + 1));
}

/// A type annotation taken apart: `Mapped[Optional[list["Item"]]]` -> inner `Item`, optional, collection.
struct TypeShape {
  std::string inner;
  bool optional = false;
  bool collection = false;
  bool mapped = false;
  bool class_var = false;
};

std::string strip_quotes(std::string_view s) {
  s = util::trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
  return std::string(util::trim(s));
}

/// Splits `X[...]` into head `X` and the inside; empty inside when there are no brackets.
std::pair<std::string, std::string> subscript(std::string_view s) {
  s = util::trim(s);
  const auto open = s.find('[');
  if (open == std::string_view::npos || s.back() != ']') return {std::string(s), {}};
  return {std::string(util::trim(s.substr(0, open))), std::string(s.substr(open + 1, s.size() - open - 2))};
}

/// Splits on `|` outside brackets.
std::vector<std::string> union_parts(std::string_view s) {
  std::vector<std::string> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '[' || s[i] == '(') ++depth;
    if (s[i] == ']' || s[i] == ')') --depth;
    if (s[i] == '|' && depth == 0) {
      parts.emplace_back(util::trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.emplace_back(util::trim(s.substr(start)));
  return parts;
}

TypeShape shape_of(std::string_view annotation) {
  TypeShape shape;
  std::string cur = strip_quotes(annotation);
  for (int guard = 0; guard < 8 && !cur.empty(); ++guard) {
    auto parts = union_parts(cur);
    if (parts.size() > 1) {
      std::vector<std::string> rest;
      for (auto& p : parts) {
        if (p == "None") {
          shape.optional = true;
        } else {
          rest.push_back(p);
        }
      }
      if (rest.size() != 1) break;
      cur = strip_quotes(rest.front());
      continue;
    }
    auto [head, inside] = subscript(cur);
    const auto name = last_part(head);
    if (inside.empty()) break;
    if (name == "Mapped" || name == "WriteOnlyMapped" || name == "DynamicMapped") {
      shape.mapped = true;
    } else if (name == "Optional") {
      shape.optional = true;
    } else if (name == "ClassVar") {
      shape.class_var = true;
    } else if (name == "list" || name == "List" || name == "set" || name == "Set" || name == "Sequence" ||
               name == "Collection" || name == "Iterable" || name == "tuple" || name == "Tuple") {
      shape.collection = true;
      const auto comma = inside.find(',');
      if (comma != std::string::npos) inside = inside.substr(0, comma);
    } else {
      break;
    }
    cur = strip_quotes(inside);
  }
  shape.inner = cur;
  return shape;
}

/// Where a class of the repository is.
struct ClassRef {
  const facts::Module* module = nullptr;
  int index = -1;
  const facts::Class& cls() const { return module->classes[static_cast<std::size_t>(index)]; }
};

bool from_sqlalchemy(std::string_view callee) {
  return callee.starts_with("sqlalchemy.") || callee.starts_with("flask_sqlalchemy.") ||
         callee.find("SQLAlchemy().") != std::string_view::npos;
}

bool sqlalchemy_root(std::string_view base) {
  const auto name = last_part(base);
  return ((name == "DeclarativeBase" || name == "DeclarativeBaseNoMeta") && base.starts_with("sqlalchemy.")) ||
         base.ends_with("declarative_base()") || base.ends_with(".generate_base()") ||
         base.ends_with("SQLAlchemy().Model") || base == "flask_sqlalchemy.Model" ||
         base == "flask_sqlalchemy.model.Model";
}

bool django_root(std::string_view base) {
  static const std::set<std::string_view> known{
      "django.db.models.Model",
      "django.db.models.base.Model",
      "django.contrib.gis.db.models.Model",
      "django.contrib.auth.models.AbstractUser",
      "django.contrib.auth.models.AbstractBaseUser",
      "django.contrib.auth.base_user.AbstractBaseUser",
      "django.contrib.auth.models.PermissionsMixin",
      "django.contrib.auth.models.User",
      "django.contrib.auth.models.Group",
      "mptt.models.MPTTModel",
      "polymorphic.models.PolymorphicModel",
      "treebeard.mp_tree.MP_Node",
      "treebeard.ns_tree.NS_Node",
      "treebeard.al_tree.AL_Node",
      "django_extensions.db.models.TimeStampedModel",
      "model_utils.models.TimeStampedModel",
      "model_utils.models.SoftDeletableModel",
      "ordered_model.models.OrderedModel",
  };
  return known.contains(base);
}

bool enum_root(std::string_view base) {
  static const std::set<std::string_view> known{"enum.Enum",
                                                "enum.IntEnum",
                                                "enum.StrEnum",
                                                "enum.Flag",
                                                "enum.IntFlag",
                                                "django.db.models.TextChoices",
                                                "django.db.models.IntegerChoices",
                                                "django.db.models.Choices",
                                                "strenum.StrEnum"};
  return known.contains(base);
}

class Builder {
public:
  explicit Builder(const model::Project& project) : project_(project) {
    for (const auto& m : project.modules) {
      for (std::size_t i = 0; i < m.classes.size(); ++i) classes_[m.classes[i].qualname] = {&m, static_cast<int>(i)};
      attrs_[&m].resize(m.classes.size());
      for (const auto& a : m.class_attributes) {
        if (a.klass >= 0 && static_cast<std::size_t>(a.klass) < m.classes.size()) {
          attrs_[&m][static_cast<std::size_t>(a.klass)].push_back(&a);
        }
      }
      for (const auto& s : m.records.settings_strings) {
        if (s.name == "DEFAULT_AUTO_FIELD") default_auto_field_ = std::string(last_part(util::trim(s.value)));
        if (s.name == "AUTH_USER_MODEL") auth_user_model_ = std::string(util::trim(s.value));
      }
    }
  }

  Schema build() {
    Schema schema;
    for (const auto& m : project_.modules) {
      if (m.role != core::CodeRole::application) continue;
      for (std::size_t i = 0; i < m.classes.size(); ++i) {
        const ClassRef ref{&m, static_cast<int>(i)};
        const auto ext = external_ancestors(ref.cls().qualname);
        if (std::any_of(ext.begin(), ext.end(), [](const std::string& b) { return enum_root(b); })) {
          schema.enums.push_back(make_enum(ref));
          continue;
        }
        if (auto model = classify(ref, ext)) schema.models.push_back(std::move(*model));
      }
      collect_tables(m, schema);
    }
    resolve(schema);
    return schema;
  }

private:
  std::string canon(const std::string& name) const {
    return name.empty() || !project_.index ? name : project_.index->canonical(name);
  }

  const ClassRef* find_class(const std::string& qualname) const {
    const auto it = classes_.find(qualname);
    return it == classes_.end() ? nullptr : &it->second;
  }

  /// The repository classes a class derives from, nearest first (the class itself excluded).
  std::vector<ClassRef> repo_ancestors(const std::string& qualname) const {
    std::vector<ClassRef> out;
    std::set<std::string> seen{qualname};
    std::vector<std::string> todo{qualname};
    while (!todo.empty() && seen.size() < 64) {
      const auto cur = todo.front();
      todo.erase(todo.begin());
      const auto* ref = find_class(cur);
      if (ref == nullptr) continue;
      if (cur != qualname) out.push_back(*ref);
      for (const auto& b : ref->cls().canonical_bases) {
        if (seen.insert(b).second) todo.push_back(b);
      }
    }
    return out;
  }

  /// The bases outside the repository that a class reaches through its own and its repository ancestors' bases.
  std::vector<std::string> external_ancestors(const std::string& qualname) const {
    std::vector<std::string> out;
    std::vector<std::string> todo{qualname};
    std::set<std::string> seen{qualname};
    while (!todo.empty() && seen.size() < 64) {
      const auto cur = todo.back();
      todo.pop_back();
      const auto* ref = find_class(cur);
      if (ref == nullptr) {
        out.push_back(cur);
        continue;
      }
      for (const auto& b : ref->cls().canonical_bases) {
        if (seen.insert(b).second) todo.push_back(b);
      }
      // `@as_declarative()` makes the class itself a declarative base.
      for (const auto& d : ref->cls().decorators) {
        if (last_part(canon(d)) == "as_declarative") out.push_back("sqlalchemy.orm.DeclarativeBase");
      }
    }
    return out;
  }

  const std::vector<const facts::ClassAttribute*>& attributes(const ClassRef& ref) const {
    return attrs_.at(ref.module)[static_cast<std::size_t>(ref.index)];
  }

  /// The class attribute `name` of a nested `class Meta:` (Django) as its argument-like value.
  const facts::ClassAttribute* meta(const ClassRef& ref, std::string_view name) const {
    const auto* m = find_class(ref.cls().qualname + ".Meta");
    if (m == nullptr) return nullptr;
    for (const auto* a : attributes(*m)) {
      if (a->name == name) return a;
    }
    return nullptr;
  }

  const facts::ClassAttribute* own(const ClassRef& ref, std::string_view name) const {
    for (const auto* a : attributes(ref)) {
      if (a->name == name) return a;
    }
    return nullptr;
  }

  Model start_model(const ClassRef& ref, std::string orm) const {
    Model model;
    model.name = ref.cls().name;
    model.qualname = ref.cls().qualname;
    model.file = ref.module->path;
    model.line = ref.cls().location.line;
    model.orm = std::move(orm);
    model.docstring = ref.cls().docstring;
    model.module = ref.module;
    model.klass = ref.index;
    return model;
  }

  std::optional<Model> classify(const ClassRef& ref, const std::vector<std::string>& ext) {
    const auto& cls = ref.cls();
    const auto any = [&](auto pred) { return std::any_of(ext.begin(), ext.end(), pred); };
    if (any([](const std::string& b) { return django_root(b); })) return django_model(ref);
    if (any([](const std::string& b) { return b == "sqlmodel.SQLModel" || b == "sqlmodel.main.SQLModel"; })) {
      const auto* table = keyword(cls.keywords, "table");
      if (table == nullptr || !is_true(*table)) return std::nullopt;  // a schema, not a table
      return alchemy_model(ref, "sqlmodel");
    }
    if (any([](const std::string& b) { return sqlalchemy_root(b); })) {
      // The declarative base itself (`class Base(DeclarativeBase)`) maps nothing.
      const bool root = std::any_of(cls.canonical_bases.begin(), cls.canonical_bases.end(), [&](const std::string& b) {
        return find_class(b) == nullptr && sqlalchemy_root(b) && !b.ends_with("declarative_base()") &&
               !b.ends_with(".generate_base()") && !b.ends_with("SQLAlchemy().Model");
      });
      const bool decorated = std::any_of(cls.decorators.begin(), cls.decorators.end(),
                                         [&](const std::string& d) { return last_part(canon(d)) == "as_declarative"; });
      if (root || decorated) return std::nullopt;
      return alchemy_model(ref, "sqlalchemy");
    }
    return std::nullopt;
  }

  /// The classes whose attributes a model has: its repository ancestors that map no table of their own (mixins,
  /// abstract classes, the declarative base), farthest first, then the class itself.
  std::vector<ClassRef> field_sources(const ClassRef& ref, bool django) const {
    std::vector<ClassRef> sources;
    for (const auto& a : repo_ancestors(ref.cls().qualname)) {
      const auto ext = external_ancestors(a.cls().qualname);
      if (django) {
        const auto* abstract = meta(a, "abstract");
        if (abstract == nullptr || abstract->value != "True") continue;
      } else {
        const auto* abstract = own(a, "__abstract__");
        const bool mapped = own(a, "__tablename__") != nullptr && (abstract == nullptr || abstract->value != "True");
        const auto* table = keyword(a.cls().keywords, "table");
        if (mapped || (table != nullptr && is_true(*table))) continue;
      }
      sources.push_back(a);
    }
    std::reverse(sources.begin(), sources.end());
    sources.push_back(ref);
    return sources;
  }

  static void add_field(Model& model, Field f) {
    for (auto& existing : model.fields) {
      if (existing.name == f.name) {
        existing = std::move(f);
        return;
      }
    }
    model.fields.push_back(std::move(f));
  }

  /// The calls of a class attribute's value after the outermost one (`ForeignKey(...)` inside `Column(...)`).
  std::vector<const facts::Call*> inner_calls(const facts::Module& m, const facts::ClassAttribute& a) const {
    std::vector<const facts::Call*> out;
    for (std::size_t i = a.is_call ? 1 : 0; i < a.calls.size(); ++i) out.push_back(&m.calls[a.calls[i]]);
    return out;
  }

  void add_foreign_keys(Model& model, const facts::Module& m, const facts::ClassAttribute& a) const {
    for (const auto* call : inner_calls(m, a)) {
      const auto callee = call->resolved();
      if (last_part(callee) != "ForeignKey" || !from_sqlalchemy(callee)) continue;
      ForeignKey fk;
      fk.field = a.name;
      fk.target = call->first_literal ? *call->first_literal : call->args.substr(0, call->args.find(','));
      for (const auto& k : call->keywords) {
        if (k.name == "ondelete") fk.on_delete = k.literal.value_or(k.value);
      }
      fk.line = call->location.line;
      fk.location = call->location;
      fk.unknown = !call->first_literal.has_value();  // decided in resolve(); a written expression is never unknown
      model.foreign_keys.push_back(std::move(fk));
    }
  }

  Model alchemy_model(const ClassRef& ref, const std::string& orm) {
    Model model = start_model(ref, orm);
    const bool sqlmodel = orm == "sqlmodel";
    bool flask = false;
    for (const auto& b : external_ancestors(ref.cls().qualname))
      flask = flask || b.find("SQLAlchemy().Model") != std::string::npos;
    if (const auto* t = own(ref, "__tablename__")) model.table = t->literal.value_or("");
    if (const auto* abstract = own(ref, "__abstract__"); abstract != nullptr && abstract->value == "True")
      model.abstract = true;
    for (const auto& source : field_sources(ref, false)) {
      for (const auto* a : attributes(source)) {
        if (a->name.starts_with("__")) continue;
        const auto callee = canon(a->callee);
        const auto name = last_part(callee);
        const auto shape = shape_of(a->annotation);
        if (shape.class_var) continue;
        const bool column = a->is_call && (name == "Column" || name == "mapped_column") && from_sqlalchemy(callee);
        const bool relationship =
            a->is_call && (((name == "relationship" || name == "relation") && from_sqlalchemy(callee)) ||
                           callee == "sqlmodel.Relationship" || callee == "sqlmodel.main.Relationship");
        const bool sqlmodel_field =
            sqlmodel && (!a->is_call || callee == "sqlmodel.Field" || callee == "sqlmodel.main.Field");
        if (relationship) {
          add_relationship(model, *a, shape);
          continue;
        }
        if (!column && !sqlmodel_field && !(shape.mapped && a->value.empty())) continue;
        if (sqlmodel && !a->is_call && a->annotation.empty()) continue;  // a plain class variable
        Field f;
        f.name = a->name;
        const auto pos = positional(a->arguments);
        const auto* pk = keyword(a->arguments, "primary_key");
        f.primary_key = pk != nullptr && is_true(*pk);
        const auto* unique = keyword(a->arguments, "unique");
        f.unique = f.primary_key || (unique != nullptr && is_true(*unique));
        if (column) {
          for (const auto* p : pos) {
            if (p->literal) continue;  // the column's name
            const auto& inner = inner_calls(*source.module, *a);
            const bool not_type = std::any_of(inner.begin(), inner.end(), [&](const facts::Call* c) {
              const auto n = last_part(c->resolved());
              return c->code == p->value &&
                     (n == "ForeignKey" || n == "Sequence" || n == "Identity" || n == "Computed");
            });
            if (not_type) continue;
            f.type = p->resolved.empty() ? short_type(p->value) : std::string(last_part(canon(p->resolved)));
            break;
          }
          add_foreign_keys(model, *source.module, *a);
        } else if (sqlmodel_field) {
          if (const auto* fk = keyword(a->arguments, "foreign_key"); fk != nullptr) {
            ForeignKey key;
            key.field = a->name;
            key.target = fk->literal.value_or(fk->value);
            key.unknown = !fk->literal.has_value();
            if (const auto* od = keyword(a->arguments, "ondelete")) key.on_delete = od->literal.value_or(od->value);
            key.line = a->location.line;
            key.location = a->location;
            model.foreign_keys.push_back(std::move(key));
          }
          add_foreign_keys(model, *source.module, *a);  // sa_column=Column(ForeignKey(...))
        }
        if (f.type.empty()) f.type = short_type(shape.inner);
        if (const auto* nullable = keyword(a->arguments, "nullable"); nullable != nullptr) {
          f.nullable = is_true(*nullable);
        } else if (!a->annotation.empty()) {
          f.nullable = shape.optional && !f.primary_key;
        } else {
          f.nullable = !f.primary_key;  // Column() without nullable= allows NULL
        }
        add_field(model, std::move(f));
      }
    }
    if (model.table.empty() && !model.abstract) {
      const bool own_key =
          std::any_of(model.fields.begin(), model.fields.end(), [](const Field& f) { return f.primary_key; });
      if (sqlmodel) {
        model.table = lower(model.name);
      } else if (flask && own_key) {
        model.table = snake_case(model.name);
      } else if (model.fields.empty() && model.relationships.empty()) {
        model.abstract = true;  // an intermediate class that maps nothing itself
      }
    }
    return model;
  }

  void add_relationship(Model& model, const facts::ClassAttribute& a, const TypeShape& shape) const {
    Relationship r;
    r.name = a.name;
    const auto pos = positional(a.arguments);
    if (!pos.empty() && pos.front()->literal) {
      r.target = std::string(last_part(*pos.front()->literal));
    } else if (!pos.empty() && !pos.front()->resolved.empty()) {
      r.target = std::string(last_part(canon(pos.front()->resolved)));
    } else if (!shape.inner.empty()) {
      r.target = std::string(last_part(shape.inner));
    }
    const auto* secondary = keyword(a.arguments, "secondary");
    const auto* link = keyword(a.arguments, "link_model");
    const auto* uselist = keyword(a.arguments, "uselist");
    if (secondary != nullptr || link != nullptr) {
      r.kind = "many-to-many";
      const auto* through = secondary != nullptr ? secondary : link;
      model.many_to_many.push_back({a.name, r.target, {}, through->literal.value_or(through->value)});
    } else if (uselist != nullptr && uselist->value == "False") {
      r.kind = "one-to-one";
    } else if (!a.annotation.empty()) {
      r.kind = shape.collection ? "one-to-many" : "many-to-one";
    } else {
      r.kind = "";  // decided in resolve(): many-to-one when this model holds the foreign key
    }
    model.relationships.push_back(std::move(r));
  }

  std::string app_label_of(const ClassRef& ref) const {
    if (const auto* label = meta(ref, "app_label"); label != nullptr && label->literal) return *label->literal;
    const auto parts = util::split(ref.module->name, '.');
    for (std::size_t i = parts.size(); i-- > 1;) {
      if (parts[i] == "models") return std::string(parts[i - 1]);
    }
    return parts.size() >= 2 ? std::string(parts[parts.size() - 2]) : std::string(parts.empty() ? "" : parts.front());
  }

  Model django_model(const ClassRef& ref) {
    Model model = start_model(ref, "django");
    model.app_label = app_label_of(ref);
    if (const auto* a = meta(ref, "abstract"); a != nullptr && a->value == "True") model.abstract = true;
    if (const auto* p = meta(ref, "proxy"); p != nullptr && p->value == "True") model.proxy = true;
    if (const auto* t = meta(ref, "db_table"); t != nullptr) model.table = t->literal.value_or(t->value);
    if (model.table.empty() && !model.abstract && !model.proxy) model.table = model.app_label + "_" + lower(model.name);
    bool concrete_parent = false;
    for (const auto& a : repo_ancestors(ref.cls().qualname)) {
      const auto ext = external_ancestors(a.cls().qualname);
      const auto* abstract = meta(a, "abstract");
      if (std::any_of(ext.begin(), ext.end(), [](const std::string& b) { return django_root(b); }) &&
          (abstract == nullptr || abstract->value != "True")) {
        concrete_parent = true;
      }
    }
    for (const auto& source : field_sources(ref, true)) {
      for (const auto* a : attributes(source)) {
        if (!a->is_call) continue;
        const auto callee = canon(a->callee);
        const auto name = last_part(callee);
        // Generic relations (contenttypes, GenericArrayForeignKey, ...) name fields, not a model.
        if (name.starts_with("Generic")) continue;
        const bool many = name.find("ManyToMany") != std::string_view::npos;
        const bool one = name.find("OneToOne") != std::string_view::npos;
        const bool fk = name.ends_with("ForeignKey") || name == "ParentalKey";
        if (!many && !one && !fk && !name.ends_with("Field")) continue;
        const auto* pk = keyword(a->arguments, "primary_key");
        const auto* null = keyword(a->arguments, "null");
        const auto* unique = keyword(a->arguments, "unique");
        if (many || one || fk) {
          const auto* to = keyword(a->arguments, "to");
          const auto pos = positional(a->arguments);
          if (to == nullptr && !pos.empty()) to = pos.front();
          const auto target = to == nullptr ? std::string{} : django_target(*to, model);
          Relationship r{a->name, target, {}, many ? "many-to-many" : one ? "one-to-one" : "many-to-one"};
          model.relationships.push_back(r);
          if (many) {
            const auto* through = keyword(a->arguments, "through");
            model.many_to_many.push_back(
                {a->name, target, {}, through == nullptr ? std::string{} : through->literal.value_or(through->value)});
            continue;
          }
          ForeignKey key;
          key.field = a->name;
          key.target = target;
          key.unknown = to == nullptr || !to->literal.has_value();  // only string targets can name nothing
          if (const auto* od = keyword(a->arguments, "on_delete"); od != nullptr) {
            key.on_delete = std::string(last_part(od->resolved.empty() ? od->value : canon(od->resolved)));
          } else if (pos.size() >= 2 && to == pos.front()) {
            key.on_delete = std::string(last_part(pos[1]->resolved.empty() ? pos[1]->value : canon(pos[1]->resolved)));
          }
          key.line = a->location.line;
          key.location = a->location;
          model.foreign_keys.push_back(std::move(key));
        }
        Field f;
        f.name = a->name;
        f.type = std::string(name);
        f.primary_key = pk != nullptr && is_true(*pk);
        f.nullable = null != nullptr && is_true(*null);
        f.unique = f.primary_key || one || (unique != nullptr && is_true(*unique));
        add_field(model, std::move(f));
      }
    }
    const bool has_pk =
        std::any_of(model.fields.begin(), model.fields.end(), [](const Field& f) { return f.primary_key; });
    if (!has_pk && !model.abstract && !model.proxy && !concrete_parent) {
      model.fields.insert(model.fields.begin(), Field{"id", default_auto_field_, true, false, true});
    }
    return model;
  }

  /// A Django relation's target as `app_label.Model` when it is one of a string, `self` or a model class; the
  /// qualified name for a class onramp does not know.
  std::string django_target(const facts::Argument& to, const Model& model) const {
    if (to.literal) {
      const auto& t = *to.literal;
      if (t == "self") return model.app_label + "." + model.name;
      if (t.find('.') == std::string::npos) return model.app_label + "." + t;
      return t;
    }
    auto resolved = canon(to.resolved);
    if (resolved.ends_with("settings.AUTH_USER_MODEL")) return auth_user_model_;
    if (resolved.empty()) return to.value;
    return resolved;
  }

  Enum make_enum(const ClassRef& ref) const {
    Enum e{ref.cls().name, ref.cls().qualname, ref.module->path, ref.cls().location.line, ref.cls().docstring, {}};
    for (const auto* a : attributes(ref)) {
      if (a->name.starts_with("_") || a->value.empty() || e.members.size() >= 20) continue;
      e.members.push_back(a->name);
    }
    return e;
  }

  void collect_tables(const facts::Module& m, Schema& schema) const {
    for (std::size_t i = 0; i < m.calls.size(); ++i) {
      const auto& call = m.calls[i];
      if (call.function != -1 || !call.first_literal) continue;
      const auto callee = call.resolved();
      if (last_part(callee) != "Table" || !from_sqlalchemy(callee)) continue;
      Table t{*call.first_literal, m.path, call.location.line, {}};
      // The calls inside it come next, up to the end of the Table(...) call.
      const auto end = std::make_pair(call.location.end_line, call.location.end_column);
      for (std::size_t j = i + 1; j < m.calls.size(); ++j) {
        const auto& inner = m.calls[j];
        if (std::make_pair(inner.location.line, inner.location.column) >= end) break;
        if (last_part(inner.resolved()) == "ForeignKey" && inner.first_literal) {
          const auto& target = *inner.first_literal;
          t.references.push_back(target.substr(0, target.rfind('.')));
        }
      }
      schema.tables.push_back(std::move(t));
    }
  }

  /// Joins foreign keys and relationships to the models and tables they name.
  void resolve(Schema& schema) const {
    std::map<std::string, const Model*> by_table;
    std::map<std::string, const Model*> by_label;  // app_label.Name
    std::map<std::string, std::vector<const Model*>> by_name;
    std::set<std::string> labels, tables;
    bool dynamic_tables = false;
    for (const auto& m : schema.models) {
      if (!m.table.empty() && !m.abstract && !m.proxy) by_table.emplace(m.table, &m);
      if (m.orm != "django" && m.table.empty() && !m.abstract) dynamic_tables = true;
      if (m.orm == "django") {
        by_label.emplace(m.app_label + "." + m.name, &m);
        labels.insert(m.app_label);
      }
      by_name[m.name].push_back(&m);
    }
    for (const auto& t : schema.tables) tables.insert(t.name);
    const auto table_of = [](const std::string& target) {
      const auto dot = target.rfind('.');
      return dot == std::string::npos ? target : target.substr(0, dot);
    };
    for (auto& m : schema.models) {
      for (auto& fk : m.foreign_keys) {
        if (m.orm == "django") {
          if (const auto it = by_label.find(fk.target); it != by_label.end()) {
            fk.model = it->second->qualname;
            fk.unknown = false;
          } else if (const auto* found = schema.find(fk.target); found != nullptr) {
            fk.model = found->qualname;
            fk.target = found->app_label + "." + found->name;
            fk.unknown = false;
          } else {
            const auto dot = fk.target.find('.');
            // Unknown only when the app label is one of the repository's: auth.User is Django's own.
            fk.unknown = !fk.unknown && dot != std::string::npos && fk.target.find('.', dot + 1) == std::string::npos &&
                         labels.contains(fk.target.substr(0, dot));
          }
          continue;
        }
        auto table = table_of(fk.target);
        auto it = by_table.find(table);
        if (it == by_table.end() && table.find('.') != std::string::npos)
          it = by_table.find(table.substr(table.rfind('.') + 1));
        if (it != by_table.end()) {
          fk.model = it->second->qualname;
          fk.unknown = false;
        } else if (tables.contains(table) || tables.contains(table.substr(table.rfind('.') + 1))) {
          fk.table = table;
          fk.unknown = false;
        } else {
          // A table named at run time could be the one: say nothing then.
          fk.unknown = !fk.unknown && !dynamic_tables;
        }
      }
      for (auto& r : m.relationships) {
        if (m.orm == "django") {
          if (const auto it = by_label.find(r.target); it != by_label.end()) r.model = it->second->qualname;
          if (const auto* found = schema.find(r.target); found != nullptr) {
            r.model = found->qualname;
            r.target = found->app_label + "." + found->name;
          }
          continue;
        }
        const auto it = by_name.find(r.target);
        if (it != by_name.end()) {
          for (const auto* candidate : it->second) {
            if (candidate->orm != "django") {
              r.model = candidate->qualname;
              break;
            }
          }
        }
        if (r.kind.empty()) {
          const auto* target = r.model.empty() ? nullptr : schema.find(r.model);
          const bool holds =
              target != nullptr && std::any_of(m.foreign_keys.begin(), m.foreign_keys.end(),
                                               [&](const ForeignKey& fk) { return fk.model == target->qualname; });
          r.kind = holds ? "many-to-one" : "one-to-many";
        }
      }
      for (auto& mm : m.many_to_many) {
        for (const auto& r : m.relationships) {
          if (r.name == mm.field) {
            mm.model = r.model;
            mm.target = r.target;
          }
        }
      }
    }
    // A proxy maps its concrete parent's table.
    for (auto& m : schema.models) {
      if (!m.proxy) continue;
      for (const auto& a : repo_ancestors(m.qualname)) {
        const auto* parent = schema.find(a.cls().qualname);
        if (parent != nullptr && !parent->abstract && !parent->proxy) {
          m.table = parent->table;
          m.fields = parent->fields;
          break;
        }
      }
    }
  }

  const model::Project& project_;
  std::unordered_map<std::string, ClassRef> classes_;
  std::unordered_map<const facts::Module*, std::vector<std::vector<const facts::ClassAttribute*>>> attrs_;
  std::string default_auto_field_ = "AutoField";
  std::string auth_user_model_ = "auth.User";
};

}  // namespace

const Model* Schema::find(std::string_view qualname) const {
  for (const auto& m : models) {
    if (m.qualname == qualname) return &m;
  }
  return nullptr;
}

const Schema& build_schema(const model::Project& project) {
  return project.derived().schema.get([&] { return std::make_shared<const Schema>(Builder(project).build()); });
}

}  // namespace onramp::checks::database
