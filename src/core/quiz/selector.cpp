// The key language: selectors over a run's records and claims over selectors.
#include "core/quiz/selector.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core::quiz {

namespace {

using json = nlohmann::json;

// A dotted path into nested objects: "failed.EADDRNOTAVAIL", "peak.client.TIME_WAIT". A key that
// itself holds dots is found first as a whole.
const json* field(const json& record, std::string_view path) {
    if (!record.is_object())
        return nullptr;
    const auto whole = record.find(std::string(path));
    if (whole != record.end())
        return &*whole;
    const auto dot = path.find('.');
    if (dot == std::string_view::npos)
        return nullptr;
    const auto head = record.find(std::string(path.substr(0, dot)));
    if (head == record.end())
        return nullptr;
    return field(*head, path.substr(dot + 1));
}

std::optional<double> asNumber(const json& v) {
    if (v.is_number())
        return v.get<double>();
    if (v.is_boolean())
        return v.get<bool>() ? 1.0 : 0.0;
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s.empty())
            return std::nullopt;
        char* end = nullptr;
        const double d = std::strtod(s.c_str(), &end);
        if (end == s.c_str() + s.size() && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

std::set<std::string> asNameSet(const json& v) {
    std::set<std::string> out;
    if (v.is_array()) {
        for (const auto& e : v)
            if (e.is_string())
                out.insert(e.get<std::string>());
    } else if (v.is_string()) {
        // "FIN,ACK" or "FIN ACK" or "FIN+ACK"
        std::string cur;
        for (char c : v.get_ref<const std::string&>()) {
            if (c == ',' || c == ' ' || c == '+' || c == '|') {
                if (!cur.empty())
                    out.insert(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        if (!cur.empty())
            out.insert(cur);
    }
    return out;
}

bool matches(const json& have, const json& want);

bool matchesOperator(const json& have, const json& want) {
    // {"in": [...]}, {"contains": X or [X...]}, {"not": V}
    if (const auto in = want.find("in"); in != want.end()) {
        return std::any_of(in->begin(), in->end(), [&](const json& w) { return matches(have, w); });
    }
    if (const auto c = want.find("contains"); c != want.end()) {
        if (!have.is_array())
            return false;
        const auto haveSet = asNameSet(have);
        const auto wantSet = asNameSet(*c);
        return std::includes(haveSet.begin(), haveSet.end(), wantSet.begin(), wantSet.end());
    }
    if (const auto n = want.find("not"); n != want.end())
        return !matches(have, *n);
    return false;
}

bool isOperatorObject(const json& want) {
    return want.is_object() && want.size() == 1 &&
           (want.contains("in") || want.contains("contains") || want.contains("not"));
}

bool matches(const json& have, const json& want) {
    if (isOperatorObject(want))
        return matchesOperator(have, want);
    return valuesEqual(have, want);
}

bool recordMatches(const json& record, const json& where) {
    for (const auto& [name, want] : where.items()) {
        if (name == "comment")
            continue;
        if (name == "after_us" || name == "before_us") {
            const json* t = field(record, "t_us");
            if (t == nullptr || !t->is_number() || !want.is_number())
                return false;
            const double tv = t->get<double>();
            const double w = want.get<double>();
            if (name == "after_us" ? tv < w : tv >= w)
                return false;
            continue;
        }
        const json* have = field(record, name);
        if (have == nullptr)
            return false;
        if (!matches(*have, want))
            return false;
    }
    return true;
}

std::optional<json> durationOf(const std::vector<json>& transitions, std::size_t i,
                               std::int64_t endUs) {
    const json& t = transitions[i];
    const json* host = field(t, "host");
    const json* socket = field(t, "socket");
    const json* start = field(t, "t_us");
    if (!start || !start->is_number())
        return std::nullopt;
    for (std::size_t j = i + 1; j < transitions.size(); ++j) {
        const json& u = transitions[j];
        const json* h = field(u, "host");
        const json* s = field(u, "socket");
        if (h && host && *h == *host && s && socket && *s == *socket) {
            return json(u.at("t_us").get<std::int64_t>() - start->get<std::int64_t>());
        }
    }
    return json(endUs - start->get<std::int64_t>());
}

}  // namespace

bool valuesEqual(const json& have, const json& want) {
    if (have.is_array() || want.is_array()) {
        if (!(have.is_array() || have.is_string()) || !(want.is_array() || want.is_string()))
            return false;
        return asNameSet(have) == asNameSet(want);
    }
    if (have.is_number() || want.is_number()) {
        const auto a = asNumber(have);
        const auto b = asNumber(want);
        return a && b && *a == *b;
    }
    if (have.is_boolean() && want.is_boolean())
        return have == want;
    if (have.is_string() && want.is_string())
        return have == want;
    return have.is_null() && want.is_null();
}

Selection select(const json& selector, const RunRecords& records) {
    Selection sel;
    const std::string source = selector.value("from", std::string());
    const std::vector<json>* list = records.records(source);
    if (list == nullptr)
        return sel;
    static const json kNoWhere = json::object();
    const json& where = selector.contains("where") ? selector.at("where") : kNoWhere;
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (recordMatches((*list)[i], where))
            kept.push_back(i);
    }
    sel.kept = kept.size();
    const std::string value = selector.value("value", std::string());
    if (value == "count") {
        sel.value = json(kept.size());
        return sel;
    }
    const auto nthIt = selector.find("nth");
    if (nthIt != selector.end() && !nthIt->is_number_integer())
        return sel;  // a param that did not give a whole number
    const std::int64_t nth = nthIt == selector.end() ? 1 : nthIt->get<std::int64_t>();
    const auto n = static_cast<std::int64_t>(kept.size());
    std::int64_t pos = nth > 0 ? nth - 1 : n + nth;
    if (nth == 0 || pos < 0 || pos >= n)
        return sel;
    sel.index = kept[static_cast<std::size_t>(pos)];
    sel.record = &(*list)[*sel.index];
    if (value.empty())
        return sel;
    if (value == "duration_us") {
        sel.value = durationOf(*list, *sel.index, records.endUs());
        return sel;
    }
    const json* f = field(*sel.record, value);
    if (f != nullptr && !f->is_null())
        sel.value = *f;
    return sel;
}

bool claimHolds(const json& claim, const RunRecords& records) {
    if (const auto all = claim.find("all"); all != claim.end()) {
        return std::all_of(all->begin(), all->end(),
                           [&](const json& c) { return claimHolds(c, records); });
    }
    if (const auto any = claim.find("any"); any != claim.end()) {
        return std::any_of(any->begin(), any->end(),
                           [&](const json& c) { return claimHolds(c, records); });
    }
    if (const auto n = claim.find("not"); n != claim.end())
        return !claimHolds(*n, records);
    const Selection sel = select(claim.at("key"), records);
    if (!sel.value)
        return false;
    const std::string op = claim.value("op", std::string("=="));
    const json& want = claim.at("value");
    if (op == "==")
        return matches(*sel.value, want);
    if (op == "!=")
        return !matches(*sel.value, want);
    const auto a = asNumber(*sel.value);
    const auto b = asNumber(want);
    if (a && b) {
        if (op == "<")
            return *a < *b;
        if (op == "<=")
            return *a <= *b;
        if (op == ">")
            return *a > *b;
        if (op == ">=")
            return *a >= *b;
        return false;
    }
    if (sel.value->is_string() && want.is_string()) {
        const auto& x = sel.value->get_ref<const std::string&>();
        const auto& y = want.get_ref<const std::string&>();
        if (op == "<")
            return x < y;
        if (op == "<=")
            return x <= y;
        if (op == ">")
            return x > y;
        if (op == ">=")
            return x >= y;
    }
    return false;
}

const std::vector<std::string_view>& selectorSources() {
    static const std::vector<std::string_view> list = {
        "app_events", "segments",       "transitions",   "notes",   "timers",
        "counters",   "counter_deltas", "final_sockets", "options", "hosts",
        "outcome",    "summary",        "connections",   "states",  "ports"};
    return list;
}

std::string selectorText(const json& selector) {
    return selector.dump();
}

namespace {

[[noreturn]] void bad(const JsonNode& node, const std::string& field, const char* why,
                      std::string_view source, InputError::Args extra = {}) {
    InputError::Args args = {{"field", field}, {"why", why}};
    for (auto& a : extra)
        args.push_back(std::move(a));
    throw InputError(ErrorId::QuestionBadSelector, std::move(args), std::string(source), node.line,
                     node.column);
}

void unknownField(const JsonNode& node, std::size_t i, const std::string& name,
                  std::string_view source) {
    const auto& pos = node.keyPositions[i];
    throw InputError(ErrorId::ScenarioUnknownField, {{"field", name}}, std::string(source),
                     pos.first, pos.second);
}

}  // namespace

void validateSelector(const JsonNode& node, const std::string& fieldName, std::string_view src) {
    if (node.type != JsonNode::Type::Object)
        bad(node, fieldName,
            QT_TRANSLATE_NOOP("closelab::Errors",
                              "a selector is an object {\"from\": SOURCE, \"where\": {...}, "
                              "\"nth\": N, \"value\": FIELD}"),
            src);
    const JsonNode* from = node.find("from");
    if (from == nullptr || from->type != JsonNode::Type::String)
        bad(node, fieldName, QT_TRANSLATE_NOOP("closelab::Errors", "it needs \"from\": a source"),
            src);
    const auto& sources = selectorSources();
    if (std::find(sources.begin(), sources.end(), from->string) == sources.end()) {
        std::string list;
        for (auto s : sources)
            list += (list.empty() ? "" : ", ") + std::string(s);
        bad(*from, fieldName,
            QT_TRANSLATE_NOOP("closelab::Errors", "unknown source '{source}' (sources: {sources})"),
            src, {{"source", from->string}, {"sources", list}});
    }
    for (std::size_t i = 0; i < node.members.size(); ++i) {
        const auto& [name, v] = node.members[i];
        if (name == "from" || name == "comment")
            continue;
        if (name == "where") {
            if (v.type != JsonNode::Type::Object)
                bad(v, fieldName,
                    QT_TRANSLATE_NOOP("closelab::Errors",
                                      "\"where\" must be an object {FIELD: VALUE, ...}"),
                    src);
            for (const auto& [wname, wv] : v.members) {
                if ((wname == "after_us" || wname == "before_us") &&
                    wv.type != JsonNode::Type::Number && wv.type != JsonNode::Type::String)
                    bad(wv, fieldName,
                        QT_TRANSLATE_NOOP("closelab::Errors",
                                          "after_us and before_us take a time in microseconds"),
                        src);
                if (wv.type == JsonNode::Type::Object) {
                    const bool op = wv.members.size() == 1 &&
                                    (wv.find("in") || wv.find("contains") || wv.find("not"));
                    if (!op)
                        bad(wv, fieldName,
                            QT_TRANSLATE_NOOP(
                                "closelab::Errors",
                                "a \"where\" value is a plain value, {\"in\": [...]}, "
                                "{\"contains\": X} or {\"not\": V}"),
                            src);
                    if (const JsonNode* in = wv.find("in"); in && in->type != JsonNode::Type::Array)
                        bad(*in, fieldName,
                            QT_TRANSLATE_NOOP("closelab::Errors", "\"in\" takes a list"), src);
                }
            }
        } else if (name == "nth") {
            const bool placeholder =
                v.type == JsonNode::Type::String && !v.string.empty() && v.string.front() == '{';
            if (!placeholder &&
                (v.type != JsonNode::Type::Number || !v.isInteger || v.integer == 0))
                bad(v, fieldName,
                    QT_TRANSLATE_NOOP("closelab::Errors",
                                      "\"nth\" is a whole number, 1-based, negative from the end, "
                                      "never 0"),
                    src);
        } else if (name == "value") {
            if (v.type != JsonNode::Type::String || v.string.empty())
                bad(v, fieldName,
                    QT_TRANSLATE_NOOP("closelab::Errors",
                                      "\"value\" is a field name, \"count\" or \"duration_us\""),
                    src);
            if (v.string == "duration_us" && from->string != "transitions")
                bad(v, fieldName,
                    QT_TRANSLATE_NOOP("closelab::Errors",
                                      "\"duration_us\" exists for transitions only"),
                    src);
        } else {
            unknownField(node, i, name, src);
        }
    }
}

void validateClaim(const JsonNode& node, const std::string& fieldName, std::string_view src) {
    if (node.type != JsonNode::Type::Object)
        bad(node, fieldName,
            QT_TRANSLATE_NOOP("closelab::Errors",
                              "a claim is {\"key\": SELECTOR, \"op\": OP, \"value\": V}, "
                              "{\"all\": [...]}, {\"any\": [...]} or {\"not\": CLAIM}"),
            src);
    for (const char* list : {"all", "any"}) {
        if (const JsonNode* l = node.find(list)) {
            if (l->type != JsonNode::Type::Array || l->items.empty())
                bad(*l, fieldName,
                    QT_TRANSLATE_NOOP("closelab::Errors",
                                      "\"all\" and \"any\" take a list of claims"),
                    src);
            for (std::size_t i = 0; i < l->items.size(); ++i)
                validateClaim(l->items[i],
                              fieldName + "." + list + "[" + std::to_string(i + 1) + "]", src);
            for (std::size_t i = 0; i < node.members.size(); ++i)
                if (node.members[i].first != list && node.members[i].first != "comment")
                    unknownField(node, i, node.members[i].first, src);
            return;
        }
    }
    if (const JsonNode* n = node.find("not")) {
        validateClaim(*n, fieldName + ".not", src);
        for (std::size_t i = 0; i < node.members.size(); ++i)
            if (node.members[i].first != "not" && node.members[i].first != "comment")
                unknownField(node, i, node.members[i].first, src);
        return;
    }
    const JsonNode* key = node.find("key");
    if (key == nullptr)
        bad(node, fieldName,
            QT_TRANSLATE_NOOP("closelab::Errors", "a claim needs \"key\", \"op\" and \"value\""),
            src);
    validateSelector(*key, fieldName + ".key", src);
    const JsonNode* op = node.find("op");
    static const std::vector<std::string> kOps = {"==", "!=", "<", "<=", ">", ">="};
    if (op == nullptr || op->type != JsonNode::Type::String ||
        std::find(kOps.begin(), kOps.end(), op->string) == kOps.end())
        bad(op ? *op : node, fieldName,
            QT_TRANSLATE_NOOP("closelab::Errors", "\"op\" is one of == != < <= > >="), src);
    if (node.find("value") == nullptr)
        bad(node, fieldName,
            QT_TRANSLATE_NOOP("closelab::Errors", "a claim needs \"key\", \"op\" and \"value\""),
            src);
    for (std::size_t i = 0; i < node.members.size(); ++i) {
        const auto& name = node.members[i].first;
        if (name != "key" && name != "op" && name != "value" && name != "comment")
            unknownField(node, i, name, src);
    }
}

}  // namespace closelab::core::quiz
