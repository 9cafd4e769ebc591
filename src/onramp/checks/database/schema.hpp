#pragma once
// The database schema the code declares: ORM models (SQLAlchemy 1.x and 2.x, SQLModel, Flask-SQLAlchemy, Django)
// with their fields, foreign keys and relationships, SQLAlchemy Table objects, and the enums beside them, built once
// from the typed facts of the walk (class attributes with their calls, bases resolved through imports).
#include <cstdint>
#include <string>
#include <vector>

#include "onramp/model/project.hpp"

namespace onramp::checks::database {

/// A column (or a Django field that is one).
struct Field {
  std::string name;
  /// The column type as written without its module (`String(255)`, `Integer`, `CharField`, `int | None` → `int`).
  std::string type;
  bool primary_key = false;
  bool nullable = false;
  bool unique = false;
};

/// A foreign key of a column, or a Django ForeignKey / OneToOneField.
struct ForeignKey {
  /// The attribute that holds it.
  std::string field;
  /// What it names: `users.id` (SQLAlchemy, SQLModel), `app_label.Model` (Django, the app label filled in).
  std::string target;
  /// The model it points to (Model::qualname), empty when none of the repository's.
  std::string model;
  /// The table it points to when that is a Table object rather than a model.
  std::string table;
  /// `CASCADE`, `SET NULL`, ...; empty when not set.
  std::string on_delete;
  std::uint32_t line = 0;
  /// The target names this repository (a table or app label it declares) but no model or table of it.
  bool unknown = false;
  /// Where the target is written, for the finding.
  core::Location location;
};

/// A relationship() / Relationship() attribute or a Django relation field.
struct Relationship {
  std::string name;
  /// The model's name as written (`Address`); Model::qualname in `model` when found.
  std::string target;
  std::string model;
  /// many-to-one, one-to-many, one-to-one or many-to-many.
  std::string kind;
};

/// A many-to-many relation: a Django ManyToManyField or a relationship() with `secondary=`.
struct ManyToMany {
  std::string field;
  std::string target;
  std::string model;
  /// The association table or `through=` model as written; empty when implicit.
  std::string through;
};

/// A mapped class.
struct Model {
  std::string name;
  std::string qualname;
  std::string file;
  std::uint32_t line = 0;
  /// sqlalchemy, sqlmodel, django.
  std::string orm;
  /// The table it maps to; empty when computed at run time (`declared_attr`).
  std::string table;
  /// Django's app label (the package holding models.py, or Meta.app_label).
  std::string app_label;
  /// Maps no table of its own: `__abstract__ = True`, Meta.abstract, an intermediate declarative class.
  bool abstract = false;
  /// A Django proxy model (Meta.proxy): the table of its concrete parent.
  bool proxy = false;
  std::string docstring;
  std::vector<Field> fields;
  std::vector<ForeignKey> foreign_keys;
  std::vector<Relationship> relationships;
  std::vector<ManyToMany> many_to_many;
  /// The module and class it comes from.
  const facts::Module* module = nullptr;
  int klass = -1;
};

/// A SQLAlchemy `Table("name", metadata, ...)` (association tables and tables without a class).
struct Table {
  std::string name;
  std::string file;
  std::uint32_t line = 0;
  /// The tables its ForeignKey columns name, in order.
  std::vector<std::string> references;
};

/// An enumeration (enum.Enum and its kinds, Django TextChoices / IntegerChoices): a domain term.
struct Enum {
  std::string name;
  std::string qualname;
  std::string file;
  std::uint32_t line = 0;
  std::string docstring;
  std::vector<std::string> members;
};

/// Everything the database and domain steps show, in file then line order.
struct Schema {
  std::vector<Model> models;
  std::vector<Table> tables;
  std::vector<Enum> enums;
  /// The model with this qualname, or null.
  const Model* find(std::string_view qualname) const;
};

/// Builds the schema of the project's application code once; later calls return the same.
const Schema& build_schema(const model::Project& project);

}  // namespace onramp::checks::database
