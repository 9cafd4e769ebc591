#pragma once
// Builds a facts::Module during the single walk, then resolves names through imports and scopes.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "onramp/facts/module.hpp"
#include "onramp/facts/walker.hpp"

namespace onramp::facts {

/// Collects imports, definitions and calls; resolve() turns written names into qualified names.
class Collector final : public facts::NodeVisitor {
public:
  std::vector<std::string_view> node_types() const override;
  void enter(TSNode node, FileContext& ctx) override;
  void leave(TSNode node, FileContext& ctx) override;
  /// Resets per-file state; call before the walk.
  void begin(FileContext& ctx);
  /// Resolves every collected reference; call after the walk, before checks read the module.
  void resolve(FileContext& ctx);

private:
  enum class BindingKind { import, definition, variable, parameter, self_param, global };
  struct Binding {
    BindingKind kind;
    std::uint32_t offset;
    std::string target;  // import target or definition qualname
    int value = -1;      // reference whose value this name holds (variables, annotated parameters)
  };
  enum class ScopeKind { module, klass, function, lambda, comprehension };
  struct Scope {
    ScopeKind kind;
    int parent;
    std::string qual_prefix;  // qualname prefix for definitions inside
    std::unordered_map<std::string, std::vector<Binding>> names;
  };
  /// A written reference (`r.get`, `Session()`), resolved after the walk.
  struct Reference {
    int scope = 0;
    std::uint32_t offset = 0;
    std::string root;               // first name, when the root is a name
    int call_root = -1;             // the root is the result of calling this reference
    std::vector<std::string> tail;  // attribute names after the root
    bool instance = false;          // the value is the result of calling the reference (`x = Q()`)
  };

  /// Whose arguments an ArgumentRef resolves.
  enum class ArgumentOwner { call_keyword, call_positional, decorator };
  struct ArgumentRef {
    ArgumentOwner owner;
    std::size_t owner_index;
    std::size_t index;
    int ref;
  };

  int add_reference(TSNode expr, int scope, int depth, FileContext& ctx);
  /// A reference as a symbol: a module-level variable stays `module.name` instead of what it holds, imports are
  /// followed; `drop` attribute names are left off the end (1: the object a method is called on).
  std::string resolve_symbol(int index, std::size_t drop) const;
  /// `name`, seen from `scope`, is a variable of the module scope.
  bool module_variable(const std::string& name, int scope) const;
  /// References for argument values that are names, attributes or calls (Argument::resolved).
  void reference_arguments(const std::vector<TSNode>& values, int scope, ArgumentOwner owner, std::size_t owner_index,
                           FileContext& ctx);
  /// The identifier assigned by the nearest enclosing (augmented) assignment whose right side holds `call`.
  std::string assignment_target(TSNode call, FileContext& ctx) const;
  std::string resolve_reference(int index, int depth) const;
  std::string resolve_name(const std::string& name, int scope, std::uint32_t offset, int depth) const;
  void bind(int scope, const std::string& name, Binding b);
  void bind_targets(TSNode target, int scope, std::uint32_t offset, int value, FileContext& ctx);
  void on_import(TSNode node, FileContext& ctx);
  void on_import_from(TSNode node, FileContext& ctx);
  void on_function(TSNode node, FileContext& ctx);
  void on_class(TSNode node, FileContext& ctx);
  void on_lambda(TSNode node, FileContext& ctx);
  void on_call(TSNode node, FileContext& ctx);
  void on_assignment(TSNode node, FileContext& ctx);
  /// `if __name__ == "__main__":` at module level sets Module::main_guard.
  void on_if(TSNode node, FileContext& ctx);
  int scope_for_expression(FileContext& ctx);
  bool runs_conditionally(TSNode call, FileContext& ctx);
  void on_class_attribute(TSNode node, int scope, FileContext& ctx);
  void on_except(TSNode node, int scope, FileContext& ctx);
  /// Records the decorators of the definition being entered (function or class index) and their references.
  void collect_decorators(std::vector<int>& out, int function, int klass, FileContext& ctx);

  std::vector<Scope> scopes_;
  std::vector<int> scope_stack_;
  std::vector<int> function_stack_;
  std::vector<int> class_stack_;
  int lambda_depth_ = 0;
  /// Upward scans from a node, remembered per ancestor (keyed by the node below it) so that deeply nested calls
  /// (`f(f(f(...)))`, 20,000 deep) cost a step each rather than a walk to the top each.
  std::unordered_map<const void*, bool> conditional_memo_;
  std::unordered_map<const void*, int> scope_memo_;
  std::vector<Reference> refs_;
  std::vector<int> call_refs_;                             // per facts::Call
  std::vector<std::vector<int>> function_decorators_;      // per facts::Function
  std::vector<std::vector<int>> class_bases_;              // per facts::Class
  std::vector<std::vector<int>> class_decorators_;         // per facts::Class
  std::vector<int> decorator_refs_;                        // per facts::Decorator
  std::vector<int> attribute_refs_;                        // per facts::ClassAttribute (its call's callee, or -1)
  std::vector<std::vector<int>> attribute_argument_refs_;  // per facts::ClassAttribute, per argument (or -1)
  /// Per facts::ClassAttribute: the index of the next call when it was recorded, and the end byte of its value.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> attribute_calls_;
  std::vector<std::uint32_t> call_starts_;            // per facts::Call, its start byte
  std::vector<std::vector<int>> class_keyword_refs_;  // per facts::Class, per keyword (or -1)
  std::vector<std::vector<int>> handler_refs_;        // per facts::ExceptHandler, one per caught name
  std::vector<ArgumentRef> argument_refs_;            // argument values of calls and decorators to resolve
};

}  // namespace onramp::facts
