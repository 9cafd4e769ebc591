// The database and domain steps: models built from the typed facts (SQLAlchemy 1.x and 2.x, SQLModel, Flask-SQLAlchemy,
// Django), the ER diagram of `onramp graph --kind models`, and the facts of the walk they rest on.
#include <doctest/doctest.h>

#include <string>

#include "onramp/checks/database/schema.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/engine/pipeline.hpp"
#include "onramp/report/er_diagram.hpp"
#include "test_support.hpp"

namespace {

using onramp::checks::database::build_schema;
using onramp::checks::database::Model;
using onramp::checks::database::Schema;
using onramp::test::TempDir;

const Model& model(const Schema& schema, std::string_view name) {
  for (const auto& m : schema.models) {
    if (m.name == name) return m;
  }
  FAIL("no model " << name);
  return schema.models.front();
}

const onramp::checks::database::Field* field(const Model& m, std::string_view name) {
  for (const auto& f : m.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

onramp::facts::Module facts_of(std::string path, std::string code) {
  auto rules = onramp::core::RuleSet::load_embedded();
  REQUIRE(rules.ok());
  return onramp::engine::analyse_source(std::move(path), std::move(code), *rules).module;
}

}  // namespace

TEST_SUITE("database") {
  TEST_CASE("database::facts the models rest on") {
    const auto m = facts_of("app/models.py",
                            "from sqlalchemy import Column, ForeignKey, Integer\n"
                            "from sqlmodel import SQLModel\n"
                            "from app.users import User\n"
                            "class Hero(SQLModel, table=True):\n"
                            "    '''A hero.\n"
                            "\n"
                            "    Longer text.'''\n"
                            "    owner = Column(Integer, ForeignKey('users.id', ondelete='CASCADE'), nullable=False)\n"
                            "    user = relation(User)\n");
    REQUIRE(m.classes.size() == 1);
    CHECK(m.classes[0].docstring == "A hero.");
    REQUIRE(m.classes[0].keywords.size() == 1);
    CHECK(m.classes[0].keywords[0].name == "table");
    CHECK(m.classes[0].keywords[0].value == "True");
    REQUIRE(m.class_attributes.size() == 2);
    const auto& owner = m.class_attributes[0];
    REQUIRE(owner.calls.size() == 2);
    CHECK(m.calls[owner.calls[0]].callee == "sqlalchemy.Column");
    CHECK(m.calls[owner.calls[1]].callee == "sqlalchemy.ForeignKey");
    CHECK(m.calls[owner.calls[1]].first_literal == std::optional<std::string>("users.id"));
    CHECK(owner.arguments[0].resolved == "sqlalchemy.Integer");
    CHECK(owner.arguments[1].resolved.empty());  // a call, not a name
    CHECK(m.class_attributes[1].arguments[0].resolved == "app.users.User");
    CHECK(m.class_attributes[1].calls.size() == 1);
  }

  TEST_CASE("database::SQLAlchemy 2, 1.x, mixins and Flask-SQLAlchemy") {
    TempDir dir;
    dir.write("app/__init__.py", "");
    dir.write("app/db.py",
              "from flask_sqlalchemy import SQLAlchemy\n"
              "from sqlalchemy import ForeignKey\n"
              "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n"
              "db = SQLAlchemy()\n"
              "class Base(DeclarativeBase):\n"
              "    pass\n"
              "class Keyed:\n"
              "    id: Mapped[int] = mapped_column(primary_key=True)\n"
              "class Owned:\n"  // a mixin of another module: its calls are indices into that module's calls
              "    owner_id: Mapped[int] = mapped_column(ForeignKey('users.id', ondelete='SET NULL'))\n");
    dir.write("app/models.py",
              "from typing import Optional\n"
              "from sqlalchemy import Column, ForeignKey, Integer, String\n"
              "from sqlalchemy.orm import Mapped, mapped_column, relationship\n"
              "from app.db import Base, Keyed, Owned, db\n"
              "class User(Keyed, Base):\n"
              "    __tablename__ = 'users'\n"
              "    name: Mapped[Optional[str]]\n"
              "    posts: Mapped[list['Post']] = relationship(back_populates='author')\n"
              "class Post(Owned, Keyed, Base):\n"
              "    __tablename__ = 'posts'\n"
              "    author_id: Mapped[int] = mapped_column(ForeignKey('users.id'))\n"
              "    author = relationship('User')\n"
              "class Legacy(db.Model):\n"
              "    id = db.Column(db.Integer, primary_key=True)\n"
              "    user_id = db.Column(db.Integer, db.ForeignKey('users.id'), nullable=True)\n");
    const auto analysis = onramp::test::scan_repo(dir.path());
    const auto& schema = build_schema(analysis.project);
    REQUIRE(schema.models.size() == 3);
    const auto& user = model(schema, "User");
    CHECK(user.orm == "sqlalchemy");
    CHECK(user.table == "users");
    REQUIRE(field(user, "id") != nullptr);
    CHECK(field(user, "id")->primary_key);  // from the mixin
    REQUIRE(field(user, "name") != nullptr);
    CHECK(field(user, "name")->nullable);
    CHECK(field(user, "name")->type == "str");
    REQUIRE(user.relationships.size() == 1);
    CHECK(user.relationships[0].kind == "one-to-many");
    CHECK(user.relationships[0].model == "app.models.Post");
    const auto& post = model(schema, "Post");
    REQUIRE(post.foreign_keys.size() == 2);
    CHECK(post.foreign_keys[0].field == "owner_id");  // from the mixin in app/db.py
    CHECK(post.foreign_keys[0].on_delete == "SET NULL");
    CHECK(post.foreign_keys[1].model == "app.models.User");
    CHECK_FALSE(post.foreign_keys[1].unknown);
    REQUIRE(post.relationships.size() == 1);
    CHECK(post.relationships[0].kind == "many-to-one");  // no annotation: Post holds the key
    const auto& legacy = model(schema, "Legacy");
    CHECK(legacy.table == "legacy");  // Flask-SQLAlchemy's default name
    CHECK(field(legacy, "id")->type == "Integer");
    REQUIRE(legacy.foreign_keys.size() == 1);
    CHECK(legacy.foreign_keys[0].model == "app.models.User");
  }

  TEST_CASE("database::Django app labels, abstract bases, proxies and Meta") {
    TempDir dir;
    dir.write("shop/__init__.py", "");
    dir.write("shop/models.py",
              "from django.db import models\n"
              "class Stamped(models.Model):\n"
              "    created = models.DateTimeField()\n"
              "    class Meta:\n"
              "        abstract = True\n"
              "class Item(Stamped):\n"
              "    name = models.CharField(max_length=9, unique=True)\n"
              "    owner = models.ForeignKey('people.Person', models.SET_NULL, null=True)\n"
              "    class Meta:\n"
              "        db_table = 'items'\n"
              "class Cheap(Item):\n"
              "    class Meta:\n"
              "        proxy = True\n");
    dir.write("people/__init__.py", "");
    dir.write("people/models/__init__.py", "from people.models.person import Person\n");
    dir.write("people/models/person.py",
              "from django.db import models\n"
              "class Person(models.Model):\n"
              "    friends = models.ManyToManyField('self')\n"
              "    best = models.OneToOneField('Person', on_delete=models.CASCADE)\n");
    const auto analysis = onramp::test::scan_repo(dir.path());
    const auto& schema = build_schema(analysis.project);
    REQUIRE(schema.models.size() == 4);
    const auto& item = model(schema, "Item");
    CHECK(item.app_label == "shop");
    CHECK(item.table == "items");
    CHECK(field(item, "created") != nullptr);
    CHECK(field(item, "id")->primary_key);
    CHECK(field(item, "name")->unique);
    REQUIRE(item.foreign_keys.size() == 1);
    CHECK(item.foreign_keys[0].target == "people.Person");
    CHECK(item.foreign_keys[0].model == "people.models.person.Person");
    CHECK(item.foreign_keys[0].on_delete == "SET_NULL");
    CHECK(model(schema, "Stamped").abstract);
    const auto& cheap = model(schema, "Cheap");
    CHECK(cheap.proxy);
    CHECK(cheap.table == "items");
    const auto& person = model(schema, "Person");
    CHECK(person.app_label == "people");
    CHECK(person.table == "people_person");
    REQUIRE(person.many_to_many.size() == 1);
    CHECK(person.many_to_many[0].model == "people.models.person.Person");
    REQUIRE(person.foreign_keys.size() == 1);
    CHECK(person.foreign_keys[0].target == "people.Person");
    CHECK(field(person, "best")->unique);
  }

  TEST_CASE("database::ER diagram") {
    const auto models = nlohmann::ordered_json::parse(R"json([
      {"name": "User", "qualname": "a.User", "abstract": false, "fields": [
        {"name": "id", "type": "int", "primary_key": true, "nullable": false, "unique": true}],
       "foreign_keys": [], "many_to_many": []},
      {"name": "Base", "qualname": "a.Base", "abstract": true, "fields": [], "foreign_keys": [], "many_to_many": []},
      {"name": "Post", "qualname": "a.Post", "abstract": false, "fields": [
        {"name": "id", "type": "int", "primary_key": true, "nullable": false, "unique": true},
        {"name": "author_id", "type": "String(20)", "primary_key": false, "nullable": true, "unique": false}],
       "foreign_keys": [{"field": "author_id", "target": "users.id", "model": "a.User"},
                        {"field": "ghost_id", "target": "ghosts.id", "model": null}],
       "many_to_many": [{"field": "tags", "target": "Tag", "model": "a.User", "through": ""}]}
    ])json");
    std::ostringstream mermaid;
    onramp::report::write_er_mermaid(mermaid, models);
    CHECK(mermaid.str() ==
          "erDiagram\n"
          "    User {\n"
          "        int id PK\n"
          "    }\n"
          "    Post {\n"
          "        int id PK\n"
          "        String(20) author_id FK\n"
          "    }\n"
          "    Post }o--o| User : \"author_id\"\n"
          "    Post }o--o{ User : \"tags\"\n");
    std::ostringstream dot;
    onramp::report::write_er_dot(dot, models);
    CHECK(dot.str().find("Post -> User [label=\"author_id\"") != std::string::npos);
    CHECK(dot.str().find("subgraph cluster_0") != std::string::npos);
    CHECK(dot.str().find("Base") == std::string::npos);
  }

  TEST_CASE("database::onramp graph --kind models") {
    TempDir dir;
    dir.write("m.py",
              "from sqlalchemy import ForeignKey\n"
              "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n"
              "class Base(DeclarativeBase):\n    pass\n"
              "class A(Base):\n    __tablename__ = 'a'\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
              "class B(Base):\n    __tablename__ = 'b'\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
              "    a_id: Mapped[int] = mapped_column(ForeignKey('a.id'))\n");
    const auto r = onramp::test::run_cli({"graph", dir.path().string(), "--kind", "models"});
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("erDiagram\n    A {\n        int id PK\n    }\n"));
    CHECK(r.out.find("    B }o--|| A : \"a_id\"\n") != std::string::npos);
    const auto dot = onramp::test::run_cli({"graph", dir.path().string(), "--kind", "models", "--format", "dot"});
    CHECK(dot.out.starts_with("digraph models {"));
    const auto bad = onramp::test::run_cli({"graph", dir.path().string(), "--kind", "nope"});
    CHECK(bad.code == 2);
  }
}
