#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace closelab::core {

// A parsed JSON value that remembers where it was in the text (1-based line and column), so a
// scenario file's semantic errors can point at the offending value. Small and strict (RFC 8259);
// nlohmann::json does not keep positions.
class JsonNode {
public:
    enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    int line = 0;
    int column = 0;
    bool boolean = false;
    double number = 0.0;
    bool isInteger = false;    // the literal had no fraction or exponent
    std::int64_t integer = 0;  // valid when isInteger
    std::string string;
    std::vector<JsonNode> items;                            // Array
    std::vector<std::pair<std::string, JsonNode>> members;  // Object, in file order
    std::vector<std::pair<int, int>> keyPositions;          // Object: where each key starts

    // Member by key or nullptr.
    const JsonNode* find(std::string_view key) const;
    std::string_view typeName() const;  // "a string", "a number", ...

    // Throws InputError(JsonSyntax) with line and column.
    static JsonNode parse(std::string_view text, std::string_view sourceName);
};

}  // namespace closelab::core
