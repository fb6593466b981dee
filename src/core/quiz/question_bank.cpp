// Reading and validating question files (docs/questions.md), with errors at file:line:column.
#include "core/quiz/question_bank.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/json_node.h"
#include "core/quiz/selector.h"
#include "core/quiz/topics.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core::quiz {

namespace {

using Type = JsonNode::Type;
using json = nlohmann::json;

json toPlainJson(const JsonNode& n) {
    switch (n.type) {
        case Type::Null:
            return nullptr;
        case Type::Bool:
            return n.boolean;
        case Type::Number:
            if (n.isInteger)
                return n.integer;
            return n.number;
        case Type::String:
            return n.string;
        case Type::Array: {
            json out = json::array();
            for (const auto& i : n.items)
                out.push_back(toPlainJson(i));
            return out;
        }
        case Type::Object: {
            json out = json::object();
            for (const auto& [k, v] : n.members)
                if (k != "comment")
                    out[k] = toPlainJson(v);
            return out;
        }
    }
    return nullptr;
}

// {name} placeholders in a text: a lower-case identifier between braces ("{1,0}" is not one).
std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{')
            continue;
        std::size_t j = i + 1;
        while (j < text.size() &&
               (std::islower(static_cast<unsigned char>(text[j])) ||
                std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '_'))
            ++j;
        if (j < text.size() && text[j] == '}' && j > i + 1 &&
            std::islower(static_cast<unsigned char>(text[i + 1])))
            out.emplace_back(text.substr(i + 1, j - i - 1));
    }
    return out;
}

class QuestionReader {
public:
    explicit QuestionReader(std::string_view source) : m_source(source) {}

    [[noreturn]] void fail(const JsonNode& at, ErrorId id, InputError::Args args) const {
        throw InputError(id, std::move(args), m_source, at.line, at.column);
    }

    void checkFields(const JsonNode& obj, const std::vector<std::string_view>& allowed) const {
        for (std::size_t i = 0; i < obj.members.size(); ++i) {
            const std::string& k = obj.members[i].first;
            if (k == "comment")
                continue;
            if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
                throw InputError(ErrorId::ScenarioUnknownField, {{"field", k}}, m_source,
                                 obj.keyPositions[i].first, obj.keyPositions[i].second);
        }
    }

    const JsonNode& requireField(const JsonNode& obj, std::string_view field,
                                 const std::string& where) const {
        const JsonNode* n = obj.find(field);
        if (n == nullptr)
            fail(obj, ErrorId::ScenarioMissingField,
                 {{"field", std::string(field)},
                  {"where", QT_TRANSLATE_NOOP("closelab::Errors", "question '{id}'")},
                  {"id", where}});
        return *n;
    }

    void expect(const JsonNode& n, Type type, const std::string& field,
                const char* expected) const {
        if (n.type != type)
            fail(n, ErrorId::ScenarioWrongType, {{"field", field}, {"expected", expected}});
    }

    std::string str(const JsonNode& n, const std::string& field) const {
        expect(n, Type::String, field, QT_TRANSLATE_NOOP("closelab::Errors", "a string"));
        return n.string;
    }

    LocalizedText localized(const JsonNode& n, const std::string& field) {
        expect(n, Type::Object, field,
               QT_TRANSLATE_NOOP("closelab::Errors", "an object {\"en\": ..., \"zh_CN\": ...}"));
        checkFields(n, {"en", "zh_CN"});
        LocalizedText t;
        for (const char* lang : {"en", "zh_CN"}) {
            const JsonNode* v = n.find(lang);
            if (v == nullptr || v->type != Type::String || v->string.empty())
                fail(v ? *v : n, ErrorId::QuestionMissingLanguage,
                     {{"field", field}, {"lang", lang}});
            (std::string_view(lang) == "en" ? t.en : t.zhCN) = v->string;
            notePlaceholders(*v, v->string, field);
        }
        return t;
    }

    // Every string under n: its placeholders must name params.
    void scanPlaceholders(const JsonNode& n, const std::string& field) {
        if (n.type == Type::String) {
            notePlaceholders(n, n.string, field);
        } else {
            // {"param": "N", "times": K, "plus": P} is a computed value.
            if (const JsonNode* p = n.find("param"); p && p->type == Type::String)
                m_usedParams.push_back({p->string, field, p->line, p->column});
            for (const auto& i : n.items)
                scanPlaceholders(i, field);
            for (const auto& [k, v] : n.members)
                if (k != "comment")
                    scanPlaceholders(v, field);
        }
    }

    void notePlaceholders(const JsonNode& at, std::string_view text, const std::string& field) {
        for (auto& name : placeholders(text))
            m_usedParams.push_back({name, field, at.line, at.column});
    }

    std::vector<std::string> stringList(const JsonNode& n, const std::string& field) const {
        expect(n, Type::Array, field, QT_TRANSLATE_NOOP("closelab::Errors", "a list of strings"));
        std::vector<std::string> out;
        for (const auto& i : n.items) {
            expect(i, Type::String, field,
                   QT_TRANSLATE_NOOP("closelab::Errors", "a list of strings"));
            out.push_back(i.string);
        }
        return out;
    }

    // Validates a run; returns the path of a scenario_file found beside a question file on disk
    // (a teacher's own scenario) when it is not one of the embedded files.
    std::optional<std::string> validateRun(const JsonNode& n, const std::string& field) {
        expect(n, Type::Object, field,
               QT_TRANSLATE_NOOP("closelab::Errors",
                                 "a run {\"scenario\": ID, ...}, {\"load\": [...]} or "
                                 "{\"import\": TEXT}"));
        scanPlaceholders(n, field);
        int kinds = 0;
        for (const char* k : {"scenario", "scenario_file", "load", "import"})
            kinds += n.find(k) != nullptr;
        if (kinds != 1)
            fail(n, ErrorId::ScenarioBadValue,
                 {{"field", field},
                  {"value", "{...}"},
                  {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                            "a run names exactly one of scenario, scenario_file, "
                                            "load or import")}});
        if (const JsonNode* l = n.find("load")) {
            checkFields(n, {"load"});
            stringList(*l, field + ".load");
            return std::nullopt;
        }
        if (const JsonNode* i = n.find("import")) {
            checkFields(n, {"import"});
            str(*i, field + ".import");
            return std::nullopt;
        }
        checkFields(n, {"scenario", "scenario_file", "set", "kernel", "seed"});
        if (const JsonNode* s = n.find("scenario")) {
            const std::string id = str(*s, field + ".scenario");
            const bool known = std::any_of(builtinScenarios().begin(), builtinScenarios().end(),
                                           [&](const BuiltinScenario& b) { return b.id == id; });
            if (!known && placeholders(id).empty())
                fail(*s, ErrorId::UnknownScenario, {{"id", id}});
        }
        std::optional<std::string> diskPath;
        if (const JsonNode* s = n.find("scenario_file")) {
            const std::string name = str(*s, field + ".scenario_file");
            const auto& files = questionScenarioFiles();
            if (std::none_of(files.begin(), files.end(),
                             [&](const EmbeddedScenarioFile& f) { return f.name == name; })) {
                diskPath = besideSource(name);
                if (!diskPath)
                    fail(*s, ErrorId::UnknownScenario, {{"id", name}});
            }
        }
        if (const JsonNode* s = n.find("set")) {
            for (const auto& v : stringList(*s, field + ".set"))
                if (placeholders(v).empty())
                    try {
                        parseOverride(v);
                    } catch (const InputError& e) {
                        throw e.located(m_source, s->line, s->column);
                    }
        }
        if (const JsonNode* k = n.find("kernel")) {
            const std::string kernel = str(*k, field + ".kernel");
            if (!parseProfile(kernel) && placeholders(kernel).empty())
                fail(*k, ErrorId::UnknownKernel, {{"kernel", kernel}});
        }
        if (const JsonNode* s = n.find("seed")) {
            if (s->type != Type::Number || !s->isInteger || s->integer < 0)
                fail(*s, ErrorId::ScenarioWrongType,
                     {{"field", field + ".seed"},
                      {"expected", QT_TRANSLATE_NOOP("closelab::Errors", "a whole number")}});
        }
        return diskPath;
    }

    // NAME in scenarios/ beside the question file, or beside it directly; none for an embedded
    // file's source name or when neither exists.
    std::optional<std::string> besideSource(const std::string& name) const {
        namespace fs = std::filesystem;
        std::error_code ec;
        const fs::path dir = fs::path(m_source).parent_path();
        for (const fs::path& p : {dir / "scenarios" / name, dir / name})
            if (fs::is_regular_file(p, ec))
                return p.string();
        return std::nullopt;
    }

    void selector(const JsonNode& n, const std::string& field) {
        validateSelector(n, field, m_source);
        scanPlaceholders(n, field);
    }

    void claim(const JsonNode& n, const std::string& field) {
        validateClaim(n, field, m_source);
        scanPlaceholders(n, field);
    }

    std::vector<Choice> choices(const JsonNode& n, bool runAllowed) {
        expect(n, Type::Array, "choices",
               QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
        std::vector<Choice> out;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < n.items.size(); ++i) {
            const JsonNode& c = n.items[i];
            const std::string f = "choices[" + std::to_string(i + 1) + "]";
            expect(c, Type::Object, f, QT_TRANSLATE_NOOP("closelab::Errors", "an object"));
            checkFields(
                c, runAllowed
                       ? std::vector<std::string_view>{"id", "text", "feedback", "claim", "run"}
                       : std::vector<std::string_view>{"id", "text", "feedback", "claim"});
            Choice ch;
            const JsonNode& idNode = requireField(c, "id", m_id);
            ch.id = str(idNode, f + ".id");
            if (ch.id.empty() || ch.id.find_first_of(", ") != std::string::npos)
                fail(idNode, ErrorId::ScenarioBadValue,
                     {{"field", f + ".id"},
                      {"value", ch.id},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                "a choice id is a short word without commas or "
                                                "spaces")}});
            if (!ids.insert(ch.id).second)
                fail(idNode, ErrorId::ScenarioDuplicate, {{"field", "choices"}, {"value", ch.id}});
            ch.text = localized(requireField(c, "text", m_id), f + ".text");
            ch.feedback = localized(requireField(c, "feedback", m_id), f + ".feedback");
            const JsonNode& cl = requireField(c, "claim", m_id);
            claim(cl, f + ".claim");
            ch.claim = toPlainJson(cl);
            if (const JsonNode* r = c.find("run")) {
                const auto path = validateRun(*r, f + ".run");
                ch.run = toPlainJson(*r);
                if (path)
                    ch.run["scenario_file"] = *path;
            }
            out.push_back(std::move(ch));
        }
        return out;
    }

    Question question(const JsonNode& q, std::set<std::string>& seenIds) {
        expect(q, Type::Object, "questions",
               QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
        m_usedParams.clear();
        Question out;
        out.source = m_source;
        out.line = q.line;
        out.column = q.column;
        const JsonNode* idNode = q.find("id");
        if (idNode == nullptr)
            fail(q, ErrorId::ScenarioMissingField,
                 {{"field", "id"}, {"where", QT_TRANSLATE_NOOP("closelab::Errors", "a question")}});
        out.id = str(*idNode, "id");
        m_id = out.id;
        const bool goodId =
            !out.id.empty() && std::all_of(out.id.begin(), out.id.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            });
        if (!goodId)
            fail(*idNode, ErrorId::ScenarioBadValue,
                 {{"field", "id"},
                  {"value", out.id},
                  {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                            "an id holds lower-case letters, digits and '-'")}});
        if (!seenIds.insert(out.id).second)
            fail(*idNode, ErrorId::ScenarioDuplicate, {{"field", "id"}, {"value", out.id}});

        const JsonNode& kindNode = requireField(q, "kind", m_id);
        const std::string kind = str(kindNode, "kind");
        const auto k = parseKind(kind);
        if (!k)
            fail(kindNode, ErrorId::QuestionUnknownKind,
                 {{"kind", kind},
                  {"kinds",
                   "choice, multi_choice, predict_next, predict_value, fix_config, order, "
                   "diagnose"}});
        out.kind = *k;

        std::vector<std::string_view> allowed = {"id",         "topic", "kind",        "level",
                                                 "title",      "text",  "explanation", "params",
                                                 "follow_ups", "tags"};
        switch (out.kind) {
            case QuestionKind::Choice:
            case QuestionKind::MultiChoice:
                allowed.insert(allowed.end(), {"run", "choices"});
                break;
            case QuestionKind::PredictNext:
                allowed.insert(allowed.end(), {"run", "pause", "ask", "key", "choices"});
                break;
            case QuestionKind::PredictValue:
                allowed.insert(allowed.end(), {"run", "key", "unit", "key_unit", "tolerance"});
                break;
            case QuestionKind::FixConfig:
                allowed.insert(allowed.end(), {"run", "goal", "goal_feedback", "knobs", "guards"});
                break;
            case QuestionKind::Order:
                allowed.insert(allowed.end(), {"run", "items"});
                break;
            case QuestionKind::Diagnose:
                allowed.insert(allowed.end(), {"run", "listing", "choices", "key", "unit",
                                               "key_unit", "tolerance"});
                break;
        }
        checkFields(q, allowed);

        const JsonNode& topicNode = requireField(q, "topic", m_id);
        out.topic = str(topicNode, "topic");
        if (findTopic(out.topic) == nullptr) {
            std::string list;
            for (const auto& t : topics())
                list += (list.empty() ? "" : ", ") + std::string(t.id);
            fail(topicNode, ErrorId::QuestionUnknownTopic,
                 {{"topic", out.topic}, {"topics", list}});
        }
        if (const JsonNode* l = q.find("level")) {
            if (l->type != Type::Number || !l->isInteger || l->integer < 1 || l->integer > 3)
                fail(*l, ErrorId::ScenarioBadValue,
                     {{"field", "level"},
                      {"value", l->type == Type::Number ? std::to_string(l->integer) : "?"},
                      {"why",
                       QT_TRANSLATE_NOOP("closelab::Errors", "it must be between {min} and {max}")},
                      {"min", "1"},
                      {"max", "3"}});
            out.level = static_cast<int>(l->integer);
        }
        out.title = localized(requireField(q, "title", m_id), "title");
        out.text = localized(requireField(q, "text", m_id), "text");
        out.explanation = localized(requireField(q, "explanation", m_id), "explanation");
        if (const JsonNode* p = q.find("params"))
            out.params = params(*p);
        if (const JsonNode* f = q.find("follow_ups"))
            out.followUps = stringList(*f, "follow_ups");
        if (const JsonNode* t = q.find("tags"))
            out.tags = stringList(*t, "tags");

        const bool needsRun = out.kind != QuestionKind::Diagnose;
        if (const JsonNode* r = needsRun ? &requireField(q, "run", m_id) : q.find("run")) {
            const auto path = validateRun(*r, "run");
            out.run = toPlainJson(*r);
            if (path)
                out.run["scenario_file"] = *path;
        }

        switch (out.kind) {
            case QuestionKind::Choice:
            case QuestionKind::MultiChoice:
                out.choices = choices(requireField(q, "choices", m_id), true);
                if (out.choices.size() < 2)
                    tooFew(q, "choices", 2);
                break;
            case QuestionKind::PredictNext: {
                const JsonNode& p = requireField(q, "pause", m_id);
                selector(p, "pause");
                out.pause = toPlainJson(p);
                const JsonNode& a = requireField(q, "ask", m_id);
                out.ask = str(a, "ask");
                if (out.ask != "flags" && out.ask != "state" && out.ask != "timer")
                    fail(a, ErrorId::ValueNotInEnum,
                         {{"name", "ask"}, {"value", out.ask}, {"allowed", "flags, state, timer"}});
                if (const JsonNode* c = q.find("choices"))
                    out.choices = choices(*c, false);
                const JsonNode& key = requireField(q, "key", m_id);
                selector(key, "key");
                out.key = toPlainJson(key);
                break;
            }
            case QuestionKind::PredictValue:
                valueKey(q, out, true);
                break;
            case QuestionKind::FixConfig:
                fixConfig(q, out);
                break;
            case QuestionKind::Order:
                orderItems(requireField(q, "items", m_id), out);
                break;
            case QuestionKind::Diagnose: {
                if (const JsonNode* l = q.find("listing")) {
                    if (l->type == Type::String) {
                        out.listing = LocalizedText{l->string, l->string};
                    } else {
                        out.listing = localized(*l, "listing");
                    }
                    if (out.run.is_null())
                        out.run = json{{"import", out.listing->en}};
                }
                if (out.run.is_null())
                    requireField(q, "listing", m_id);
                if (q.find("choices")) {
                    out.choices = choices(*q.find("choices"), false);
                    if (out.choices.size() < 2)
                        tooFew(q, "choices", 2);
                } else {
                    valueKey(q, out, true);
                }
                break;
            }
        }

        // Every {name} used must be a declared param.
        for (const auto& u : m_usedParams) {
            const bool declared = std::any_of(out.params.begin(), out.params.end(),
                                              [&](const ParamSpec& p) { return p.name == u.name; });
            if (!declared)
                throw InputError(ErrorId::QuestionUnknownParam,
                                 {{"name", "{" + u.name + "}"}, {"field", u.field}}, m_source,
                                 u.line, u.column);
        }
        return out;
    }

    [[noreturn]] void tooFew(const JsonNode& at, const char* field, int n) const {
        fail(at, ErrorId::ScenarioBadValue,
             {{"field", field},
              {"value", "..."},
              {"why", QT_TRANSLATE_NOOP("closelab::Errors", "it needs at least {n} entries")},
              {"n", std::to_string(n)}});
    }

    void valueKey(const JsonNode& q, Question& out, bool required) {
        const JsonNode* key = required ? &requireField(q, "key", m_id) : q.find("key");
        if (key == nullptr)
            return;
        selector(*key, "key");
        out.key = toPlainJson(*key);
        static const std::vector<std::string> kUnits = {"us",    "ms",    "s",     "count", "errno",
                                                        "state", "flags", "bytes", "text"};
        auto unitOf = [&](const char* name, std::string& dst) {
            if (const JsonNode* u = q.find(name)) {
                dst = str(*u, name);
                if (std::find(kUnits.begin(), kUnits.end(), dst) == kUnits.end())
                    fail(*u, ErrorId::ValueNotInEnum,
                         {{"name", name},
                          {"value", dst},
                          {"allowed", "us, ms, s, count, errno, state, flags, bytes, text"}});
            }
        };
        unitOf("unit", out.unit);
        unitOf("key_unit", out.keyUnit);
        if (const JsonNode* t = q.find("tolerance")) {
            expect(*t, Type::Object, "tolerance",
                   QT_TRANSLATE_NOOP("closelab::Errors", "an object {\"abs\": N} or {\"rel\": R}"));
            checkFields(*t, {"abs", "rel"});
            Tolerance tol;
            for (const auto& [name, v] : t->members) {
                if (v.type != Type::Number || v.number < 0)
                    fail(v, ErrorId::ScenarioWrongType,
                         {{"field", "tolerance." + name},
                          {"expected",
                           QT_TRANSLATE_NOOP("closelab::Errors", "a number of at least 0")}});
                (name == "abs" ? tol.abs : tol.rel) = v.number;
            }
            out.tolerance = tol;
        }
    }

    void fixConfig(const JsonNode& q, Question& out) {
        const JsonNode& goal = requireField(q, "goal", m_id);
        claim(goal, "goal");
        out.goal = toPlainJson(goal);
        if (const JsonNode* g = q.find("goal_feedback"))
            out.goalFeedback = localized(*g, "goal_feedback");
        const JsonNode& knobs = requireField(q, "knobs", m_id);
        expect(knobs, Type::Array, "knobs",
               QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
        if (knobs.items.empty())
            tooFew(q, "knobs", 1);
        std::set<std::string> names;
        for (std::size_t i = 0; i < knobs.items.size(); ++i) {
            const JsonNode& k = knobs.items[i];
            const std::string f = "knobs[" + std::to_string(i + 1) + "]";
            expect(k, Type::Object, f, QT_TRANSLATE_NOOP("closelab::Errors", "an object"));
            checkFields(k, {"name", "values", "from", "to"});
            Knob knob;
            const JsonNode& nameNode = requireField(k, "name", m_id);
            knob.name = str(nameNode, f + ".name");
            try {
                parseOverride(knob.name + "=0");
            } catch (const InputError& e) {
                throw e.located(m_source, nameNode.line, nameNode.column);
            }
            if (!names.insert(knob.name).second)
                fail(nameNode, ErrorId::ScenarioDuplicate,
                     {{"field", "knobs"}, {"value", knob.name}});
            if (const JsonNode* v = k.find("values")) {
                expect(*v, Type::Array, f + ".values",
                       QT_TRANSLATE_NOOP("closelab::Errors", "a list of values"));
                for (const auto& e : v->items) {
                    if (e.type == Type::String)
                        knob.values.push_back(e.string);
                    else if (e.type == Type::Number && e.isInteger)
                        knob.values.push_back(std::to_string(e.integer));
                    else
                        fail(e, ErrorId::ScenarioWrongType,
                             {{"field", f + ".values"},
                              {"expected", QT_TRANSLATE_NOOP("closelab::Errors",
                                                             "a string or a whole number")}});
                }
                if (knob.values.empty())
                    tooFew(*v, "values", 1);
            } else {
                const JsonNode& from = requireField(k, "from", m_id);
                const JsonNode& to = requireField(k, "to", m_id);
                for (const JsonNode* b : {&from, &to})
                    if (b->type != Type::Number || !b->isInteger)
                        fail(*b, ErrorId::ScenarioWrongType,
                             {{"field", f},
                              {"expected",
                               QT_TRANSLATE_NOOP("closelab::Errors", "a whole number")}});
                if (from.integer > to.integer)
                    fail(from, ErrorId::ScenarioBadValue,
                         {{"field", f + ".from"},
                          {"value", std::to_string(from.integer)},
                          {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                    "\"from\" must not be above \"to\"")}});
                knob.from = from.integer;
                knob.to = to.integer;
            }
            out.knobs.push_back(std::move(knob));
        }
        if (const JsonNode* guards = q.find("guards")) {
            expect(*guards, Type::Array, "guards",
                   QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
            for (std::size_t i = 0; i < guards->items.size(); ++i) {
                const JsonNode& g = guards->items[i];
                const std::string f = "guards[" + std::to_string(i + 1) + "]";
                expect(g, Type::Object, f, QT_TRANSLATE_NOOP("closelab::Errors", "an object"));
                checkFields(g, {"claim", "feedback"});
                Guard guard;
                const JsonNode& cl = requireField(g, "claim", m_id);
                claim(cl, f + ".claim");
                guard.claim = toPlainJson(cl);
                guard.feedback = localized(requireField(g, "feedback", m_id), f + ".feedback");
                out.guards.push_back(std::move(guard));
            }
        }
    }

    void orderItems(const JsonNode& items, Question& out) {
        expect(items, Type::Array, "items",
               QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
        if (items.items.size() < 2)
            tooFew(items, "items", 2);
        std::set<std::string> ids;
        for (std::size_t i = 0; i < items.items.size(); ++i) {
            const JsonNode& it = items.items[i];
            const std::string f = "items[" + std::to_string(i + 1) + "]";
            expect(it, Type::Object, f, QT_TRANSLATE_NOOP("closelab::Errors", "an object"));
            checkFields(it, {"id", "label", "key"});
            OrderItem item;
            const JsonNode& idNode = requireField(it, "id", m_id);
            item.id = str(idNode, f + ".id");
            if (item.id.empty() || item.id.find_first_of(", ") != std::string::npos)
                fail(idNode, ErrorId::ScenarioBadValue,
                     {{"field", f + ".id"},
                      {"value", item.id},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                "a choice id is a short word without commas or "
                                                "spaces")}});
            if (!ids.insert(item.id).second)
                fail(idNode, ErrorId::ScenarioDuplicate, {{"field", "items"}, {"value", item.id}});
            item.label = localized(requireField(it, "label", m_id), f + ".label");
            const JsonNode& key = requireField(it, "key", m_id);
            selector(key, f + ".key");
            if (const JsonNode* from = key.find("from"); from && from->string != "segments")
                fail(*from, ErrorId::QuestionBadSelector,
                     {{"field", f + ".key"},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                "an order item picks one of the segments")}});
            item.key = toPlainJson(key);
            out.items.push_back(std::move(item));
        }
    }

    std::vector<ParamSpec> params(const JsonNode& n) {
        expect(
            n, Type::Object, "params",
            QT_TRANSLATE_NOOP("closelab::Errors",
                              "an object {NAME: {\"from\": A, \"to\": B} or {\"one_of\": [...]}}"));
        std::vector<ParamSpec> out;
        for (std::size_t i = 0; i < n.members.size(); ++i) {
            const auto& [name, v] = n.members[i];
            if (name == "comment")
                continue;
            const auto& pos = n.keyPositions[i];
            if (placeholders("{" + name + "}").empty())
                throw InputError(ErrorId::ScenarioBadValue,
                                 {{"field", "params"},
                                  {"value", name},
                                  {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                            "a param name is lower-case letters, "
                                                            "digits and '_'")}},
                                 m_source, pos.first, pos.second);
            const std::string f = "params." + name;
            expect(v, Type::Object, f,
                   QT_TRANSLATE_NOOP("closelab::Errors",
                                     "an object {\"from\": A, \"to\": B} or {\"one_of\": [...]}"));
            ParamSpec p;
            p.name = name;
            if (const JsonNode* one = v.find("one_of")) {
                checkFields(v, {"one_of"});
                expect(*one, Type::Array, f + ".one_of",
                       QT_TRANSLATE_NOOP("closelab::Errors", "a list of values"));
                if (one->items.empty())
                    tooFew(*one, "one_of", 1);
                for (const auto& e : one->items) {
                    if (e.type != Type::String && e.type != Type::Number)
                        fail(e, ErrorId::ScenarioWrongType,
                             {{"field", f + ".one_of"},
                              {"expected",
                               QT_TRANSLATE_NOOP("closelab::Errors", "a string or a number")}});
                    p.oneOf.push_back(toPlainJson(e));
                }
            } else {
                checkFields(v, {"from", "to"});
                const JsonNode& from = requireField(v, "from", m_id);
                const JsonNode& to = requireField(v, "to", m_id);
                for (const JsonNode* b : {&from, &to})
                    if (b->type != Type::Number || !b->isInteger)
                        fail(*b, ErrorId::ScenarioWrongType,
                             {{"field", f},
                              {"expected",
                               QT_TRANSLATE_NOOP("closelab::Errors", "a whole number")}});
                if (from.integer > to.integer)
                    fail(from, ErrorId::ScenarioBadValue,
                         {{"field", f + ".from"},
                          {"value", std::to_string(from.integer)},
                          {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                    "\"from\" must not be above \"to\"")}});
                p.from = from.integer;
                p.to = to.integer;
            }
            out.push_back(std::move(p));
        }
        return out;
    }

private:
    struct UsedParam {
        std::string name;
        std::string field;
        int line;
        int column;
    };
    std::string m_source;
    std::string m_id;
    std::vector<UsedParam> m_usedParams;
};

}  // namespace

std::string_view kindName(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::Choice:
            return "choice";
        case QuestionKind::MultiChoice:
            return "multi_choice";
        case QuestionKind::PredictNext:
            return "predict_next";
        case QuestionKind::PredictValue:
            return "predict_value";
        case QuestionKind::FixConfig:
            return "fix_config";
        case QuestionKind::Order:
            return "order";
        case QuestionKind::Diagnose:
            return "diagnose";
    }
    return "?";
}

std::optional<QuestionKind> parseKind(std::string_view name) {
    for (auto k : {QuestionKind::Choice, QuestionKind::MultiChoice, QuestionKind::PredictNext,
                   QuestionKind::PredictValue, QuestionKind::FixConfig, QuestionKind::Order,
                   QuestionKind::Diagnose})
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

std::vector<Question> parseQuestionFile(std::string_view text, std::string_view sourceName) {
    const JsonNode root = JsonNode::parse(text, sourceName);
    QuestionReader r(sourceName);
    if (root.type != Type::Object)
        r.fail(root, ErrorId::ScenarioWrongType,
               {{"field", "(file)"},
                {"expected",
                 QT_TRANSLATE_NOOP("closelab::Errors", "an object {\"questions\": [...]}")}});
    r.checkFields(root, {"questions"});
    const JsonNode* list = root.find("questions");
    if (list == nullptr)
        r.fail(root, ErrorId::ScenarioMissingField,
               {{"field", "questions"},
                {"where", QT_TRANSLATE_NOOP("closelab::Errors", "the question file")}});
    r.expect(*list, Type::Array, "questions",
             QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
    std::vector<Question> out;
    std::set<std::string> ids;
    for (const auto& q : list->items)
        out.push_back(r.question(q, ids));
    return out;
}

const QuestionBank& QuestionBank::builtin() {
    static const QuestionBank bank = [] {
        QuestionBank b;
        for (const auto& f : builtinQuestionFiles())
            b.addText(f.json, "resources/questions/" + std::string(f.name));
        return b;
    }();
    return bank;
}

void QuestionBank::addText(std::string_view text, std::string_view sourceName) {
    std::vector<Question> qs = parseQuestionFile(text, sourceName);
    for (auto& q : qs) {
        if (find(q.id) != nullptr)
            throw InputError(ErrorId::ScenarioDuplicate, {{"field", "id"}, {"value", q.id}},
                             q.source, q.line, q.column);
        m_questions.push_back(std::move(q));
    }
}

void QuestionBank::addFile(const std::string& path) {
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path, ec))
        throw InputError(ErrorId::FileUnreadable, {{"path", path}});
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        throw InputError(ErrorId::FileUnreadable, {{"path", path}});
    addText(ss.str(), path);
}

const Question* QuestionBank::find(std::string_view id) const {
    for (const auto& q : m_questions)
        if (q.id == id)
            return &q;
    return nullptr;
}

const Question& QuestionBank::get(std::string_view id) const {
    if (const Question* q = find(id))
        return *q;
    throw InputError(ErrorId::QuestionUnknown, {{"id", std::string(id)}});
}

}  // namespace closelab::core::quiz
