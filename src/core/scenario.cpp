#include "core/scenario.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/four_tuple.h"
#include "core/json_node.h"

// Error phrases ({why}, {expected}, {where}, {message}) are marked for lupdate in context
// "closelab::Errors" (see error_catalog.h); core has no Qt, so the macro is defined away.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core {

namespace {

using Type = JsonNode::Type;

class ScenarioReader {
public:
    explicit ScenarioReader(std::string_view source) : m_source(source) {}

    [[noreturn]] void fail(const JsonNode& at, ErrorId id, InputError::Args args) const {
        throw InputError(id, std::move(args), m_source, at.line, at.column);
    }

    void checkFields(const JsonNode& obj, std::initializer_list<std::string_view> allowed) const {
        for (std::size_t i = 0; i < obj.members.size(); ++i) {
            const std::string& k = obj.members[i].first;
            if (k == "comment" || k == "$comment")
                continue;
            if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
                throw InputError(ErrorId::ScenarioUnknownField, {{"field", k}}, m_source,
                                 obj.keyPositions[i].first, obj.keyPositions[i].second);
            }
        }
    }

    // `where` is a phrase of the error catalogue; `extra` fills its placeholders.
    const JsonNode& require(const JsonNode& obj, std::string_view field, std::string_view where,
                            InputError::Args extra = {}) const {
        const JsonNode* n = obj.find(field);
        if (n == nullptr) {
            InputError::Args args{{"field", std::string(field)}, {"where", std::string(where)}};
            args.insert(args.end(), extra.begin(), extra.end());
            fail(obj, ErrorId::ScenarioMissingField, std::move(args));
        }
        return *n;
    }

    void expect(const JsonNode& n, Type type, std::string_view field,
                std::string_view expected) const {
        if (n.type != type)
            fail(n, ErrorId::ScenarioWrongType,
                 {{"field", std::string(field)}, {"expected", std::string(expected)}});
    }

    static std::string rolesText() {
        std::string out;
        for (const auto& r : hostRoleNames())
            out += (out.empty() ? "" : " ") + std::string(r);
        return out;
    }

    std::string str(const JsonNode& n, std::string_view field) const {
        expect(n, Type::String, field, QT_TRANSLATE_NOOP("closelab::Errors", "a string"));
        return n.string;
    }

    std::int64_t integer(const JsonNode& n, std::string_view field, std::int64_t lo,
                         std::int64_t hi) const {
        if (n.type != Type::Number || !n.isInteger)
            fail(n, ErrorId::ScenarioWrongType,
                 {{"field", std::string(field)},
                  {"expected", QT_TRANSLATE_NOOP("closelab::Errors", "a whole number")}});
        if (n.integer < lo || n.integer > hi) {
            fail(n, ErrorId::ScenarioBadValue,
                 {{"field", std::string(field)},
                  {"value", std::to_string(n.integer)},
                  {"why",
                   QT_TRANSLATE_NOOP("closelab::Errors", "it must be between {min} and {max}")},
                  {"min", std::to_string(lo)},
                  {"max", std::to_string(hi)}});
        }
        return n.integer;
    }

    SimTime millis(const JsonNode& n, std::string_view field, double hiMs) const {
        expect(n, Type::Number, field,
               QT_TRANSLATE_NOOP("closelab::Errors", "a number of milliseconds"));
        if (n.number < 0 || n.number > hiMs) {
            std::ostringstream v;
            v << n.number;
            fail(n, ErrorId::ScenarioBadValue,
                 {{"field", std::string(field)},
                  {"value", v.str()},
                  {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                            "it must be between 0 and {max} milliseconds")},
                  {"max", std::to_string(static_cast<long long>(hiMs))}});
        }
        return static_cast<SimTime>(std::llround(n.number * 1000.0));
    }

    double probability(const JsonNode& n, std::string_view field) const {
        expect(n, Type::Number, field,
               QT_TRANSLATE_NOOP("closelab::Errors", "a number between 0 and 1"));
        if (n.number < 0 || n.number > 1) {
            std::ostringstream v;
            v << n.number;
            fail(n, ErrorId::ScenarioBadValue,
                 {{"field", std::string(field)},
                  {"value", v.str()},
                  {"why",
                   QT_TRANSLATE_NOOP("closelab::Errors", "a probability is between 0 and 1")}});
        }
        return n.number;
    }

    bool boolean(const JsonNode& n, std::string_view field) const {
        expect(n, Type::Bool, field, QT_TRANSLATE_NOOP("closelab::Errors", "true or false"));
        return n.boolean;
    }

    LocalizedText text(const JsonNode& n, std::string_view field) const {
        LocalizedText t;
        if (n.type == Type::String) {
            t.en = n.string;
            return t;
        }
        expect(n, Type::Object, field,
               QT_TRANSLATE_NOOP("closelab::Errors", "an object {\"en\": ..., \"zh_CN\": ...}"));
        checkFields(n, {"en", "zh_CN"});
        t.en = str(require(n, "en", QT_TRANSLATE_NOOP("closelab::Errors", "the text '{parent}'"),
                           {{"parent", std::string(field)}}),
                   "en");
        if (const JsonNode* zh = n.find("zh_CN"))
            t.zhCN = str(*zh, "zh_CN");
        return t;
    }

    std::string optionValueText(const JsonNode& n, std::string_view field) const {
        if (n.type == Type::String)
            return n.string;
        if (n.type == Type::Number && n.isInteger)
            return std::to_string(n.integer);
        if (n.type == Type::Bool)
            return n.boolean ? "1" : "0";
        fail(n, ErrorId::ScenarioWrongType,
             {{"field", std::string(field)},
              {"expected", QT_TRANSLATE_NOOP("closelab::Errors", "a string or a whole number")}});
    }

    // Reads {"client.SO_LINGER": "1,0", "net.ipv4.tcp_timestamps": 0} and validates each value
    // for the profile, pointing at the value on error.
    std::vector<OptionOverride> options(const JsonNode& n, std::string_view field,
                                        KernelProfile profile, const std::set<std::string>& hosts,
                                        bool allowHost) const {
        expect(n, Type::Object, field,
               QT_TRANSLATE_NOOP("closelab::Errors", "an object of option names and values"));
        std::vector<OptionOverride> out;
        for (std::size_t i = 0; i < n.members.size(); ++i) {
            const auto& [key, value] = n.members[i];
            const int kl = n.keyPositions[i].first;
            const int kc = n.keyPositions[i].second;
            const std::string v = optionValueText(value, key);
            OptionOverride o;
            try {
                o = parseOverride(key + "=" + v);
            } catch (const InputError& e) {
                throw e.located(m_source, kl, kc);
            }
            if (!o.host.empty() && (!allowHost || hosts.count(o.host) == 0))
                throw InputError(ErrorId::UnknownHost, {{"host", o.host}}, m_source, kl, kc);
            try {
                o.value = parseOptionValue(o.name, o.value, profile).text;
            } catch (const InputError& e) {
                throw e.located(m_source, value.line, value.column);
            }
            out.push_back(std::move(o));
        }
        return out;
    }

    std::string hostRef(const JsonNode& n, std::string_view field,
                        const std::set<std::string>& hosts) const {
        std::string h = str(n, field);
        if (hosts.count(h) == 0)
            fail(n, ErrorId::ScenarioUnknownHostRef, {{"field", std::string(field)}, {"host", h}});
        return h;
    }

    static std::string expand(std::string s, int i) {
        const std::string token = "{i}";
        for (std::size_t p = s.find(token); p != std::string::npos; p = s.find(token, p))
            s.replace(p, token.size(), std::to_string(i));
        return s;
    }

    AppCall call(const JsonNode& n, SimTime t, int i, KernelProfile profile,
                 const std::set<std::string>& hosts) const {
        expect(n, Type::Object, "timeline", QT_TRANSLATE_NOOP("closelab::Errors", "an object"));
        checkFields(n, {"at_ms", "after_ms", "host", "call", "sock", "to", "port", "local_port",
                        "listener", "bytes", "auto_read", "close_on_eof", "options"});
        AppCall c;
        c.t = t;
        c.line = n.line;
        c.column = n.column;
        c.host =
            hostRef(require(n, "host", QT_TRANSLATE_NOOP("closelab::Errors", "a timeline entry")),
                    "host", hosts);
        const JsonNode& callNode =
            require(n, "call", QT_TRANSLATE_NOOP("closelab::Errors", "a timeline entry"));
        const std::string name = str(callNode, "call");
        static const std::vector<std::pair<std::string_view, AppCallKind>> kCalls = {
            {"listen", AppCallKind::Listen}, {"connect", AppCallKind::Connect},
            {"accept", AppCallKind::Accept}, {"send", AppCallKind::Send},
            {"recv", AppCallKind::Recv},     {"shutdown", AppCallKind::Shutdown},
            {"close", AppCallKind::Close}};
        auto it = std::find_if(kCalls.begin(), kCalls.end(),
                               [&](const auto& p) { return p.first == name; });
        if (it == kCalls.end()) {
            fail(callNode, ErrorId::ScenarioBadValue,
                 {{"field", "call"},
                  {"value", name},
                  {"why", QT_TRANSLATE_NOOP("closelab::Errors", "use one of: {allowed}")},
                  {"allowed", "listen connect accept send recv shutdown close"}});
        }
        c.call = it->second;
        c.sock = expand(
            str(require(n, "sock", QT_TRANSLATE_NOOP("closelab::Errors", "a timeline entry")),
                "sock"),
            i);
        if (c.sock.empty())
            fail(n, ErrorId::ScenarioBadValue,
                 {{"field", "sock"},
                  {"value", ""},
                  {"why", QT_TRANSLATE_NOOP("closelab::Errors", "a socket needs a name")}});
        if (const JsonNode* p = n.find("port"))
            c.port = static_cast<std::uint16_t>(integer(*p, "port", 1, 65535));
        if (const JsonNode* p = n.find("local_port"))
            c.localPort = static_cast<std::uint16_t>(integer(*p, "local_port", 1, 65535));
        if (const JsonNode* p = n.find("bytes"))
            c.bytes = static_cast<std::uint64_t>(integer(*p, "bytes", 0, 1LL << 40));
        if (const JsonNode* p = n.find("auto_read"))
            c.autoRead = boolean(*p, "auto_read");
        if (const JsonNode* p = n.find("close_on_eof"))
            c.closeOnEof = boolean(*p, "close_on_eof");
        if (const JsonNode* p = n.find("options"))
            c.sockOptions = options(*p, "options", profile, hosts, false);
        switch (c.call) {
            case AppCallKind::Listen:
                if (c.port == 0)
                    require(n, "port", QT_TRANSLATE_NOOP("closelab::Errors", "a listen call"));
                break;
            case AppCallKind::Connect:
                c.to = hostRef(
                    require(n, "to", QT_TRANSLATE_NOOP("closelab::Errors", "a connect call")), "to",
                    hosts);
                require(n, "port", QT_TRANSLATE_NOOP("closelab::Errors", "a connect call"));
                if (c.to == c.host) {
                    fail(
                        n, ErrorId::ScenarioBadValue,
                        {{"field", "to"},
                         {"value", c.to},
                         {"why",
                          QT_TRANSLATE_NOOP(
                              "closelab::Errors",
                              "connect to another host (use a 127.x address pair for loopback)")}});
                }
                break;
            case AppCallKind::Accept:
                c.listener =
                    expand(str(require(n, "listener",
                                       QT_TRANSLATE_NOOP("closelab::Errors", "an accept call")),
                               "listener"),
                           i);
                break;
            case AppCallKind::Send:
                require(n, "bytes", QT_TRANSLATE_NOOP("closelab::Errors", "a send call"));
                if (c.bytes == 0)
                    fail(
                        n, ErrorId::ScenarioBadValue,
                        {{"field", "bytes"},
                         {"value", "0"},
                         {"why", QT_TRANSLATE_NOOP("closelab::Errors", "send at least one byte")}});
                break;
            default:
                break;
        }
        return c;
    }

    std::vector<std::string> flagList(const JsonNode& x) const {
        expect(x, Type::Array, "flags",
               QT_TRANSLATE_NOOP("closelab::Errors", "a list such as [\"FIN\", \"ACK\"]"));
        std::vector<std::string> out;
        for (const JsonNode& fl : x.items) {
            const std::string s = str(fl, "flags");
            static const std::set<std::string> kFlags = {"SYN", "FIN", "RST", "PSH", "ACK"};
            if (kFlags.count(s) == 0)
                fail(fl, ErrorId::ScenarioBadValue,
                     {{"field", "flags"},
                      {"value", s},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors", "use one of: {allowed}")},
                      {"allowed", "SYN FIN RST PSH ACK"}});
            out.push_back(s);
        }
        return out;
    }

    TcpState stateRef(const JsonNode& n, std::string_view field) const {
        const std::string s = str(n, field);
        const auto st = parseState(s);
        if (!st)
            fail(n, ErrorId::ScenarioBadValue,
                 {{"field", std::string(field)},
                  {"value", s},
                  {"why", QT_TRANSLATE_NOOP("closelab::Errors", "not a TCP state name")}});
        return *st;
    }

    // {"from": "server", "to": "client", "flags": ["FIN","ACK"], "data": false, "fate": "lost",
    //  "after_ms": 10, "nth": 1, "arrival": true}
    BeatAnchor segmentAnchor(const JsonNode& n, std::string_view field, SimTime durationUs,
                             const std::set<std::string>& hosts) const {
        expect(n, Type::Object, field, QT_TRANSLATE_NOOP("closelab::Errors", "an object"));
        checkFields(n, {"from", "to", "flags", "data", "fate", "after_ms", "nth", "arrival"});
        BeatAnchor a;
        a.kind = BeatAnchor::Kind::Segment;
        if (const JsonNode* x = n.find("from"))
            a.segment.from = hostRef(*x, "from", hosts);
        if (const JsonNode* x = n.find("to"))
            a.segment.to = hostRef(*x, "to", hosts);
        if (const JsonNode* x = n.find("flags"))
            a.segment.flags = flagList(*x);
        if (const JsonNode* x = n.find("data"))
            a.segment.hasData = boolean(*x, "data");
        if (const JsonNode* x = n.find("fate")) {
            a.fate = str(*x, "fate");
            if (a.fate != "delivered" && a.fate != "lost" && a.fate != "dropped" &&
                a.fate != "delayed")
                fail(*x, ErrorId::ScenarioBadValue,
                     {{"field", "fate"},
                      {"value", a.fate},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors", "use one of: {allowed}")},
                      {"allowed", "delivered lost dropped delayed"}});
        }
        if (const JsonNode* x = n.find("after_ms"))
            a.segment.afterUs = millis(*x, "after_ms", static_cast<double>(durationUs) / kUsPerMs);
        if (const JsonNode* x = n.find("nth"))
            a.segment.nth = static_cast<int>(integer(*x, "nth", 1, 1000000));
        if (const JsonNode* x = n.find("arrival"))
            a.arrival = boolean(*x, "arrival");
        return a;
    }

    // {"host": "server", "to": "CLOSE_WAIT", "from": "ESTABLISHED", "after_ms": 0, "nth": 1}
    BeatAnchor transitionAnchor(const JsonNode& n, SimTime durationUs,
                                const std::set<std::string>& hosts) const {
        expect(n, Type::Object, "transition", QT_TRANSLATE_NOOP("closelab::Errors", "an object"));
        checkFields(n, {"host", "from", "to", "after_ms", "nth"});
        BeatAnchor a;
        a.kind = BeatAnchor::Kind::Transition;
        a.host = hostRef(require(n, "host", QT_TRANSLATE_NOOP("closelab::Errors", "a transition")),
                         "host", hosts);
        a.to =
            stateRef(require(n, "to", QT_TRANSLATE_NOOP("closelab::Errors", "a transition")), "to");
        if (const JsonNode* x = n.find("from"))
            a.from = stateRef(*x, "from");
        if (const JsonNode* x = n.find("after_ms"))
            a.afterUs = millis(*x, "after_ms", static_cast<double>(durationUs) / kUsPerMs);
        if (const JsonNode* x = n.find("nth"))
            a.nth = static_cast<int>(integer(*x, "nth", 1, 1000000));
        return a;
    }

    // {"host": "lb", "call": "connect", "result": "EADDRNOTAVAIL", "after_ms": 0, "nth": 1}
    BeatAnchor appAnchor(const JsonNode& n, SimTime durationUs,
                         const std::set<std::string>& hosts) const {
        expect(n, Type::Object, "app", QT_TRANSLATE_NOOP("closelab::Errors", "an object"));
        checkFields(n, {"host", "call", "result", "after_ms", "nth"});
        BeatAnchor a;
        a.kind = BeatAnchor::Kind::App;
        a.host = hostRef(
            require(n, "host", QT_TRANSLATE_NOOP("closelab::Errors", "an application call")),
            "host", hosts);
        const JsonNode& callNode =
            require(n, "call", QT_TRANSLATE_NOOP("closelab::Errors", "an application call"));
        a.call = str(callNode, "call");
        static const std::set<std::string> kCalls = {"listen", "connect",  "accept", "send",
                                                     "recv",   "shutdown", "close"};
        if (kCalls.count(a.call) == 0)
            fail(callNode, ErrorId::ScenarioBadValue,
                 {{"field", "call"},
                  {"value", a.call},
                  {"why", QT_TRANSLATE_NOOP("closelab::Errors", "use one of: {allowed}")},
                  {"allowed", "listen connect accept send recv shutdown close"}});
        if (const JsonNode* x = n.find("result"))
            a.result = str(*x, "result");
        if (const JsonNode* x = n.find("after_ms"))
            a.afterUs = millis(*x, "after_ms", static_cast<double>(durationUs) / kUsPerMs);
        if (const JsonNode* x = n.find("nth"))
            a.nth = static_cast<int>(integer(*x, "nth", 1, 1000000));
        return a;
    }

    std::vector<BeatSpec> beats(const JsonNode& n, SimTime durationUs,
                                const std::set<std::string>& hosts) const {
        expect(n, Type::Array, "beats", QT_TRANSLATE_NOOP("closelab::Errors", "a list"));
        std::vector<BeatSpec> out;
        std::optional<SimTime> lastAt;
        const double durationMs = static_cast<double>(durationUs) / kUsPerMs;
        for (const JsonNode& b : n.items) {
            expect(b, Type::Object, "beats",
                   QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
            checkFields(b, {"at_ms", "on", "caption", "notes", "focus"});
            BeatSpec spec;
            spec.line = b.line;
            spec.column = b.column;
            spec.caption = text(
                require(b, "caption", QT_TRANSLATE_NOOP("closelab::Errors", "a beat")), "caption");
            if (spec.caption.en.empty())
                fail(b, ErrorId::ScenarioBadValue,
                     {{"field", "caption"},
                      {"value", ""},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors", "a beat needs a caption")}});
            if (const JsonNode* x = b.find("notes"))
                spec.notes = text(*x, "notes");
            if (const JsonNode* x = b.find("on")) {
                expect(*x, Type::Object, "on",
                       QT_TRANSLATE_NOOP("closelab::Errors",
                                         "an object {\"segment\": ...}, {\"transition\": ...} "
                                         "or {\"app\": ...}"));
                checkFields(*x, {"segment", "transition", "app"});
                if (x->members.size() != 1)
                    fail(*x, ErrorId::ScenarioBadValue,
                         {{"field", "on"},
                          {"value", std::to_string(x->members.size())},
                          {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                    "a beat is anchored to one segment, one "
                                                    "transition or one application call")}});
                if (const JsonNode* seg = x->find("segment"))
                    spec.on = segmentAnchor(*seg, "segment", durationUs, hosts);
                else if (const JsonNode* tr = x->find("transition"))
                    spec.on = transitionAnchor(*tr, durationUs, hosts);
                else
                    spec.on = appAnchor(*x->find("app"), durationUs, hosts);
            }
            if (const JsonNode* x = b.find("at_ms")) {
                spec.atUs = millis(*x, "at_ms", durationMs);
                // Beats with a fixed time are listed in time order (anchored ones are sorted
                // once their events are known).
                if (spec.on.kind == BeatAnchor::Kind::None) {
                    if (lastAt && *spec.atUs < *lastAt) {
                        std::ostringstream v;
                        v << static_cast<double>(*spec.atUs) / kUsPerMs;
                        fail(*x, ErrorId::ScenarioBadValue,
                             {{"field", "at_ms"},
                              {"value", v.str()},
                              {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                        "beats are listed in time order; the beat "
                                                        "before this one is at {prev} ms")},
                              {"prev", std::to_string(*lastAt / kUsPerMs)}});
                    }
                    lastAt = spec.atUs;
                }
            } else if (spec.on.kind == BeatAnchor::Kind::None) {
                require(b, "at_ms", QT_TRANSLATE_NOOP("closelab::Errors", "a beat without \"on\""));
            }
            if (const JsonNode* x = b.find("focus")) {
                expect(*x, Type::Array, "focus",
                       QT_TRANSLATE_NOOP("closelab::Errors", "a list of segment matches"));
                for (const JsonNode& f : x->items)
                    spec.focus.push_back(segmentAnchor(f, "focus", durationUs, hosts));
            }
            out.push_back(std::move(spec));
        }
        return out;
    }

    Scenario read(const JsonNode& root) {
        Scenario sc;
        if (root.type != Type::Object)
            fail(root, ErrorId::ScenarioNotObject, {});
        checkFields(root,
                    {"id", "topic", "title", "description", "lesson", "kernel", "duration_ms",
                     "hosts", "link", "links", "options", "timeline", "faults", "try", "beats"});
        sc.id =
            str(require(root, "id", QT_TRANSLATE_NOOP("closelab::Errors", "the scenario")), "id");
        if (sc.id.empty())
            fail(root, ErrorId::ScenarioBadValue,
                 {{"field", "id"},
                  {"value", ""},
                  {"why", QT_TRANSLATE_NOOP("closelab::Errors", "an id is needed")}});
        if (const JsonNode* n = root.find("topic"))
            sc.topic = str(*n, "topic");
        sc.title = text(
            require(root, "title", QT_TRANSLATE_NOOP("closelab::Errors", "the scenario")), "title");
        if (const JsonNode* n = root.find("description"))
            sc.description = text(*n, "description");
        if (const JsonNode* n = root.find("lesson"))
            sc.lesson = text(*n, "lesson");
        if (const JsonNode* n = root.find("kernel")) {
            const std::string k = str(*n, "kernel");
            auto p = parseProfile(k);
            if (!p)
                fail(*n, ErrorId::UnknownKernel, {{"kernel", k}});
            sc.kernel = *p;
        }
        if (const JsonNode* n = root.find("duration_ms")) {
            sc.durationUs = millis(*n, "duration_ms", 24.0 * 3600 * 1000);
            if (sc.durationUs <= 0)
                fail(*n, ErrorId::ScenarioBadValue,
                     {{"field", "duration_ms"},
                      {"value", "0"},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors", "it must be positive")}});
        }

        // Hosts.
        const JsonNode& hostsNode =
            require(root, "hosts", QT_TRANSLATE_NOOP("closelab::Errors", "the scenario"));
        expect(hostsNode, Type::Array, "hosts", QT_TRANSLATE_NOOP("closelab::Errors", "a list"));
        if (hostsNode.items.size() < 2)
            fail(hostsNode, ErrorId::ScenarioBadValue,
                 {{"field", "hosts"},
                  {"value", std::to_string(hostsNode.items.size())},
                  {"why", QT_TRANSLATE_NOOP("closelab::Errors", "at least two hosts are needed")}});
        std::set<std::string> names;
        std::set<std::string> addresses;
        for (const JsonNode& h : hostsNode.items) {
            expect(h, Type::Object, "hosts",
                   QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
            checkFields(h, {"name", "address", "via", "nat", "ts_clock_ms"});
            HostSpec hs;
            const JsonNode& nameNode =
                require(h, "name", QT_TRANSLATE_NOOP("closelab::Errors", "a host"));
            hs.name = str(nameNode, "name");
            const auto& roles = hostRoleNames();
            if (std::find(roles.begin(), roles.end(), hs.name) == roles.end()) {
                fail(nameNode, ErrorId::ScenarioBadValue,
                     {{"field", "name"},
                      {"value", hs.name},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                "a host is named by its role, one of: {roles}")},
                      {"roles", rolesText()}});
            }
            if (!names.insert(hs.name).second)
                fail(nameNode, ErrorId::ScenarioDuplicate,
                     {{"field", "hosts"}, {"value", hs.name}});
            const JsonNode& addrNode =
                require(h, "address", QT_TRANSLATE_NOOP("closelab::Errors", "a host"));
            hs.address = str(addrNode, "address");
            if (!parseIpv4(hs.address))
                fail(addrNode, ErrorId::ScenarioBadValue,
                     {{"field", "address"},
                      {"value", hs.address},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                "an IPv4 address such as 10.0.0.1 is expected")}});
            if (!addresses.insert(hs.address).second)
                fail(addrNode, ErrorId::ScenarioDuplicate,
                     {{"field", "address"}, {"value", hs.address}});
            if (const JsonNode* n = h.find("nat"))
                hs.isNat = boolean(*n, "nat");
            if (const JsonNode* n = h.find("ts_clock_ms"))
                hs.tsClockMs =
                    static_cast<std::uint32_t>(integer(*n, "ts_clock_ms", 0, 0xFFFFFFFFLL));
            sc.hosts.push_back(std::move(hs));
        }
        for (std::size_t i = 0; i < hostsNode.items.size(); ++i) {
            if (const JsonNode* v = hostsNode.items[i].find("via")) {
                const std::string via = hostRef(*v, "via", names);
                auto nat = std::find_if(sc.hosts.begin(), sc.hosts.end(),
                                        [&](const HostSpec& x) { return x.name == via; });
                if (!nat->isNat || via == sc.hosts[i].name)
                    fail(*v, ErrorId::ScenarioBadValue,
                         {{"field", "via"},
                          {"value", via},
                          {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                    "'via' must name a host with \"nat\": true")}});
                sc.hosts[i].via = via;
            }
        }

        auto readLink = [&](const JsonNode& n, LinkSpec& l) {
            if (const JsonNode* x = n.find("delay_ms"))
                l.delayUs = millis(*x, "delay_ms", 600000);
            if (const JsonNode* x = n.find("jitter_ms"))
                l.jitterUs = millis(*x, "jitter_ms", 600000);
            if (const JsonNode* x = n.find("loss"))
                l.loss = probability(*x, "loss");
            if (const JsonNode* x = n.find("dup"))
                l.duplicate = probability(*x, "dup");
        };
        if (const JsonNode* n = root.find("link")) {
            expect(*n, Type::Object, "link", QT_TRANSLATE_NOOP("closelab::Errors", "an object"));
            checkFields(*n, {"delay_ms", "jitter_ms", "loss", "dup"});
            readLink(*n, sc.defaultLink);
        }
        if (const JsonNode* n = root.find("links")) {
            expect(*n, Type::Array, "links", QT_TRANSLATE_NOOP("closelab::Errors", "a list"));
            for (const JsonNode& l : n->items) {
                expect(l, Type::Object, "links",
                       QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
                checkFields(l, {"between", "delay_ms", "jitter_ms", "loss", "dup"});
                const JsonNode& between =
                    require(l, "between", QT_TRANSLATE_NOOP("closelab::Errors", "a link"));
                if (between.type != Type::Array || between.items.size() != 2)
                    fail(between, ErrorId::ScenarioWrongType,
                         {{"field", "between"},
                          {"expected",
                           QT_TRANSLATE_NOOP("closelab::Errors", "a list of two host names")}});
                LinkSpec ls = sc.defaultLink;
                ls.a = hostRef(between.items[0], "between", names);
                ls.b = hostRef(between.items[1], "between", names);
                readLink(l, ls);
                sc.links.push_back(std::move(ls));
            }
        }

        if (const JsonNode* n = root.find("options"))
            sc.options = options(*n, "options", sc.kernel, names, true);

        // Timeline.
        const JsonNode& tl =
            require(root, "timeline", QT_TRANSLATE_NOOP("closelab::Errors", "the scenario"));
        expect(tl, Type::Array, "timeline", QT_TRANSLATE_NOOP("closelab::Errors", "a list"));
        for (const JsonNode& e : tl.items) {
            expect(e, Type::Object, "timeline",
                   QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
            if (const JsonNode* rep = e.find("repeat")) {
                checkFields(e, {"repeat", "every_ms", "at_ms", "steps"});
                const auto count = integer(*rep, "repeat", 1, 100000);
                const SimTime start =
                    e.find("at_ms") ? millis(*e.find("at_ms"), "at_ms", 864e5) : 0;
                const SimTime every =
                    e.find("every_ms") ? millis(*e.find("every_ms"), "every_ms", 864e5) : 0;
                const JsonNode& steps =
                    require(e, "steps", QT_TRANSLATE_NOOP("closelab::Errors", "a repeat entry"));
                expect(steps, Type::Array, "steps",
                       QT_TRANSLATE_NOOP("closelab::Errors", "a list"));
                for (int i = 1; i <= count; ++i) {
                    for (const JsonNode& s : steps.items) {
                        expect(s, Type::Object, "steps",
                               QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
                        const SimTime after =
                            s.find("after_ms") ? millis(*s.find("after_ms"), "after_ms", 864e5) : 0;
                        sc.timeline.push_back(
                            call(s, start + (i - 1) * every + after, i, sc.kernel, names));
                    }
                }
                continue;
            }
            const SimTime at = millis(
                require(e, "at_ms", QT_TRANSLATE_NOOP("closelab::Errors", "a timeline entry")),
                "at_ms", 864e5);
            sc.timeline.push_back(call(e, at, 0, sc.kernel, names));
        }
        std::stable_sort(sc.timeline.begin(), sc.timeline.end(),
                         [](const AppCall& a, const AppCall& b) { return a.t < b.t; });
        // Sockets must be created (listen/connect/accept) before other calls use them.
        std::set<std::pair<std::string, std::string>> known;
        for (const AppCall& c : sc.timeline) {
            const auto key = std::make_pair(c.host, c.sock);
            if (c.call == AppCallKind::Listen || c.call == AppCallKind::Connect ||
                c.call == AppCallKind::Accept) {
                if (c.call == AppCallKind::Accept && known.count({c.host, c.listener}) == 0)
                    throw InputError(ErrorId::ScenarioUnknownSocket,
                                     {{"sock", c.listener}, {"host", c.host}}, m_source, c.line,
                                     c.column);
                known.insert(key);
            } else if (known.count(key) == 0) {
                throw InputError(ErrorId::ScenarioUnknownSocket,
                                 {{"sock", c.sock}, {"host", c.host}}, m_source, c.line, c.column);
            }
        }

        if (const JsonNode* n = root.find("faults")) {
            expect(*n, Type::Array, "faults", QT_TRANSLATE_NOOP("closelab::Errors", "a list"));
            for (const JsonNode& f : n->items) {
                expect(f, Type::Object, "faults",
                       QT_TRANSLATE_NOOP("closelab::Errors", "a list of objects"));
                checkFields(f, {"action", "from", "to", "flags", "data", "after_ms", "nth", "count",
                                "hold_ms"});
                FaultSpec fs;
                const JsonNode& act =
                    require(f, "action", QT_TRANSLATE_NOOP("closelab::Errors", "a fault"));
                const std::string a = str(act, "action");
                if (a == "drop")
                    fs.action = FaultAction::Drop;
                else if (a == "hold")
                    fs.action = FaultAction::Hold;
                else if (a == "dup")
                    fs.action = FaultAction::Duplicate;
                else
                    fail(act, ErrorId::ScenarioBadValue,
                         {{"field", "action"},
                          {"value", a},
                          {"why", QT_TRANSLATE_NOOP("closelab::Errors", "use one of: {allowed}")},
                          {"allowed", "drop hold dup"}});
                if (const JsonNode* x = f.find("from"))
                    fs.match.from = hostRef(*x, "from", names);
                if (const JsonNode* x = f.find("to"))
                    fs.match.to = hostRef(*x, "to", names);
                if (const JsonNode* x = f.find("flags"))
                    fs.match.flags = flagList(*x);
                if (const JsonNode* x = f.find("data"))
                    fs.match.hasData = boolean(*x, "data");
                if (const JsonNode* x = f.find("after_ms"))
                    fs.match.afterUs = millis(*x, "after_ms", 864e5);
                if (const JsonNode* x = f.find("nth"))
                    fs.match.nth = static_cast<int>(integer(*x, "nth", 1, 1000000));
                if (const JsonNode* x = f.find("count"))
                    fs.match.count = static_cast<int>(integer(*x, "count", 0, 1000000));
                if (const JsonNode* x = f.find("hold_ms"))
                    fs.holdUs = millis(*x, "hold_ms", 864e5);
                if (fs.action == FaultAction::Hold && fs.holdUs == 0)
                    require(f, "hold_ms", QT_TRANSLATE_NOOP("closelab::Errors", "a hold fault"));
                sc.faults.push_back(std::move(fs));
            }
        }
        if (const JsonNode* n = root.find("try")) {
            expect(*n, Type::Array, "try",
                   QT_TRANSLATE_NOOP("closelab::Errors", "a list of NAME=VALUE strings"));
            for (const JsonNode& t : n->items) {
                const std::string s = str(t, "try");
                try {
                    parseOverride(s);
                } catch (const InputError& e) {
                    throw e.located(m_source, t.line, t.column);
                }
                sc.tryOverrides.push_back(s);
            }
        }
        if (const JsonNode* n = root.find("beats"))
            sc.beats = beats(*n, sc.durationUs, names);
        return sc;
    }

private:
    std::string m_source;
};

}  // namespace

std::string_view appCallName(AppCallKind kind) {
    switch (kind) {
        case AppCallKind::Listen:
            return "listen";
        case AppCallKind::Connect:
            return "connect";
        case AppCallKind::Accept:
            return "accept";
        case AppCallKind::Send:
            return "send";
        case AppCallKind::Recv:
            return "recv";
        case AppCallKind::Shutdown:
            return "shutdown";
        case AppCallKind::Close:
            return "close";
    }
    return "?";
}

Scenario parseScenario(std::string_view json, std::string_view sourceName) {
    const JsonNode root = JsonNode::parse(json, sourceName);
    return ScenarioReader(sourceName).read(root);
}

Scenario builtinScenario(std::string_view id) {
    for (const auto& b : builtinScenarios()) {
        if (b.id == id)
            return parseScenario(b.json, std::string(b.id) + ".json");
    }
    throw InputError(ErrorId::UnknownScenario, {{"id", std::string(id)}});
}

Scenario loadScenario(std::string_view idOrPath) {
    for (const auto& b : builtinScenarios()) {
        if (b.id == idOrPath)
            return builtinScenario(idOrPath);
    }
    const bool looksLikeFile =
        idOrPath.size() > 5 && idOrPath.substr(idOrPath.size() - 5) == ".json";
    if (!looksLikeFile && idOrPath.find('/') == std::string_view::npos)
        throw InputError(ErrorId::UnknownScenario, {{"id", std::string(idOrPath)}});
    // A directory opens as a stream but reads as nothing (EISDIR), which would be reported as
    // an empty JSON document instead of as the wrong path it is.
    std::error_code ec;
    std::ifstream in{std::string(idOrPath), std::ios::binary};
    if (!in || std::filesystem::is_directory(std::filesystem::path(idOrPath), ec))
        throw InputError(ErrorId::FileUnreadable, {{"path", std::string(idOrPath)}});
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        throw InputError(ErrorId::FileUnreadable, {{"path", std::string(idOrPath)}});
    return parseScenario(ss.str(), idOrPath);
}

}  // namespace closelab::core
