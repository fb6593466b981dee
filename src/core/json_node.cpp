#include "core/json_node.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/error.h"

// Error phrases ({why}, {expected}, {where}, {message}) are marked for lupdate in context
// "closelab::Errors" (see error_catalog.h); core has no Qt, so the macro is defined away.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core {

namespace {

class Parser {
public:
    Parser(std::string_view text, std::string_view source) : m_text(text), m_source(source) {}

    JsonNode document() {
        skipSpace();
        JsonNode root = value(0);
        skipSpace();
        if (m_pos != m_text.size())
            fail(QT_TRANSLATE_NOOP("closelab::Errors",
                                   "unexpected text after the end of the document"));
        return root;
    }

private:
    static constexpr int kMaxDepth = 64;

    // `message` is a phrase of the error catalogue (closelab::Errors); `extra` fills its
    // placeholders, so a translation can put the member name where its grammar wants it.
    [[noreturn]] void fail(const char* message, InputError::Args extra = {}) const {
        int line = 1;
        int column = 1;
        for (std::size_t i = 0; i < m_pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        InputError::Args args{{"message", message}};
        args.insert(args.end(), extra.begin(), extra.end());
        throw InputError(ErrorId::JsonSyntax, std::move(args), std::string(m_source), line, column);
    }

    void position(JsonNode& n) const {
        int line = 1;
        int column = 1;
        // Incremental: remember the last computed position to stay linear.
        std::size_t from = 0;
        if (m_cachePos <= m_pos) {
            from = m_cachePos;
            line = m_cacheLine;
            column = m_cacheColumn;
        }
        for (std::size_t i = from; i < m_pos; ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        m_cachePos = m_pos;
        m_cacheLine = line;
        m_cacheColumn = column;
        n.line = line;
        n.column = column;
    }

    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++m_pos;
            else
                break;
        }
    }

    bool literal(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) == word) {
            m_pos += word.size();
            return true;
        }
        return false;
    }

    JsonNode value(int depth) {
        if (depth > kMaxDepth)
            fail(QT_TRANSLATE_NOOP("closelab::Errors", "nested too deeply"));
        JsonNode n;
        position(n);
        if (m_pos >= m_text.size())
            fail(QT_TRANSLATE_NOOP("closelab::Errors",
                                   "unexpected end of input, a value was expected"));
        const char c = m_text[m_pos];
        if (c == '{') {
            n.type = JsonNode::Type::Object;
            ++m_pos;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return n;
            }
            for (;;) {
                skipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                    fail(QT_TRANSLATE_NOOP("closelab::Errors",
                                           "a member name in double quotes was expected"));
                JsonNode key;
                position(key);
                std::string name = stringLiteral();
                for (const auto& m : n.members) {
                    if (m.first == name)
                        fail(QT_TRANSLATE_NOOP("closelab::Errors", "duplicate member '{member}'"),
                             {{"member", name}});
                }
                skipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                    fail(QT_TRANSLATE_NOOP("closelab::Errors",
                                           "':' was expected after member name '{member}'"),
                         {{"member", name}});
                ++m_pos;
                skipSpace();
                JsonNode v = value(depth + 1);
                n.members.emplace_back(std::move(name), std::move(v));
                n.keyPositions.emplace_back(key.line, key.column);
                skipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                    ++m_pos;
                    return n;
                }
                fail(QT_TRANSLATE_NOOP("closelab::Errors", "',' or '}' was expected"));
            }
        }
        if (c == '[') {
            n.type = JsonNode::Type::Array;
            ++m_pos;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return n;
            }
            for (;;) {
                skipSpace();
                n.items.push_back(value(depth + 1));
                skipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                    ++m_pos;
                    return n;
                }
                fail(QT_TRANSLATE_NOOP("closelab::Errors", "',' or ']' was expected"));
            }
        }
        if (c == '"') {
            n.type = JsonNode::Type::String;
            n.string = stringLiteral();
            return n;
        }
        if (literal("true")) {
            n.type = JsonNode::Type::Bool;
            n.boolean = true;
            return n;
        }
        if (literal("false")) {
            n.type = JsonNode::Type::Bool;
            return n;
        }
        if (literal("null"))
            return n;
        if (c == '-' || (c >= '0' && c <= '9')) {
            numberLiteral(n);
            return n;
        }
        fail(QT_TRANSLATE_NOOP("closelab::Errors", "unexpected character '{char}'"),
             {{"char", std::string(1, c)}});
    }

    void numberLiteral(JsonNode& n) {
        const std::size_t start = m_pos;
        if (m_text[m_pos] == '-')
            ++m_pos;
        auto digits = [&] {
            const std::size_t s = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - s;
        };
        if (digits() == 0)
            fail(QT_TRANSLATE_NOOP("closelab::Errors", "a digit was expected"));
        bool integer = true;
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            integer = false;
            if (digits() == 0)
                fail(QT_TRANSLATE_NOOP("closelab::Errors", "a digit was expected after '.'"));
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            integer = false;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (digits() == 0)
                fail(QT_TRANSLATE_NOOP("closelab::Errors", "a digit was expected in the exponent"));
        }
        const std::string literalText(m_text.substr(start, m_pos - start));
        n.type = JsonNode::Type::Number;
        n.number = std::strtod(literalText.c_str(), nullptr);
        if (!std::isfinite(n.number))
            fail(QT_TRANSLATE_NOOP("closelab::Errors", "number out of range"));
        if (integer) {
            auto [p, ec] = std::from_chars(literalText.data(),
                                           literalText.data() + literalText.size(), n.integer);
            n.isInteger = ec == std::errc{};
        }
    }

    static void appendUtf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::uint32_t hex4() {
        if (m_pos + 4 > m_text.size())
            fail(QT_TRANSLATE_NOOP("closelab::Errors", "bad \\u escape"));
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_text[m_pos++];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= static_cast<std::uint32_t>(h - 'A' + 10);
            else
                fail(QT_TRANSLATE_NOOP("closelab::Errors", "bad \\u escape"));
        }
        return v;
    }

    std::string stringLiteral() {
        ++m_pos;  // opening quote
        std::string out;
        for (;;) {
            if (m_pos >= m_text.size())
                fail(QT_TRANSLATE_NOOP("closelab::Errors", "unterminated string"));
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20) {
                --m_pos;
                fail(QT_TRANSLATE_NOOP("closelab::Errors", "control character in string"));
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                fail(QT_TRANSLATE_NOOP("closelab::Errors", "unterminated string"));
            const char e = m_text[m_pos++];
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    out += e;
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    std::uint32_t cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00) {
                        if (m_text.substr(m_pos, 2) != "\\u")
                            fail(QT_TRANSLATE_NOOP("closelab::Errors", "unpaired surrogate"));
                        m_pos += 2;
                        const std::uint32_t lo = hex4();
                        if (lo < 0xDC00 || lo > 0xDFFF)
                            fail(QT_TRANSLATE_NOOP("closelab::Errors", "unpaired surrogate"));
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp < 0xE000) {
                        fail(QT_TRANSLATE_NOOP("closelab::Errors", "unpaired surrogate"));
                    }
                    appendUtf8(out, cp);
                    break;
                }
                default:
                    --m_pos;
                    fail(QT_TRANSLATE_NOOP("closelab::Errors", "bad escape in string"));
            }
        }
    }

    std::string_view m_text;
    std::string_view m_source;
    std::size_t m_pos = 0;
    mutable std::size_t m_cachePos = 0;
    mutable int m_cacheLine = 1;
    mutable int m_cacheColumn = 1;
};

}  // namespace

const JsonNode* JsonNode::find(std::string_view key) const {
    for (const auto& [k, v] : members) {
        if (k == key)
            return &v;
    }
    return nullptr;
}

std::string_view JsonNode::typeName() const {
    switch (type) {
        case Type::Null:
            return "null";
        case Type::Bool:
            return "a boolean";
        case Type::Number:
            return "a number";
        case Type::String:
            return "a string";
        case Type::Array:
            return "a list";
        case Type::Object:
            return "an object";
    }
    return "?";
}

JsonNode JsonNode::parse(std::string_view text, std::string_view sourceName) {
    return Parser(text, sourceName).document();
}

}  // namespace closelab::core
