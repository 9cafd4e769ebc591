#pragma once
// An expected-style result: failures the caller must handle travel as values, never as exceptions.
#include <string>
#include <utility>
#include <variant>

namespace onramp::util {

/// A failure with a message fit for `onramp: error: <message>`.
struct Error {
  std::string message;
};

/// Either a value or an Error; the C++23 std::expected is not in g++ 12.
template <class T>
class [[nodiscard]] Result {
public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(data_); }
  const T& value() const { return std::get<T>(data_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<Error>(data_); }

private:
  std::variant<T, Error> data_;
};

/// Result of an operation that yields nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace onramp::util
