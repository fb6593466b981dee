#include "core/recording_json.h"

#include <algorithm>
#include <sstream>

#include "core/error.h"

// Error phrases ({why}, {expected}, {where}, {message}) are marked for lupdate in context
// "closelab::Errors" (see error_catalog.h); core has no Qt, so the macro is defined away.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core {

namespace {

using ojson = nlohmann::ordered_json;

std::string secondsText(SimTime us) {
    const bool neg = us < 0;
    const SimTime a = neg ? -us : us;
    std::string frac = std::to_string(a % kUsPerSec);
    while (frac.size() < 6)
        frac.insert(frac.begin(), '0');
    return (neg ? "-" : "") + std::to_string(a / kUsPerSec) + '.' + frac;
}

}  // namespace

nlohmann::ordered_json toJson(const Recording& rec) {
    ojson j;
    j["source"] = rec.source;
    j["scenario"] = rec.scenario;
    j["kernel"] = std::string(profileName(rec.kernel));
    j["seed"] = rec.seed;
    j["end_us"] = rec.endUs;
    ojson hosts = ojson::array();
    for (const auto& h : rec.hosts)
        hosts.push_back({{"name", h.name}, {"role", h.role}, {"address", h.address}});
    j["hosts"] = hosts;
    ojson options = ojson::object();
    for (std::size_t i = 0; i < rec.hosts.size() && i < rec.options.size(); ++i) {
        ojson o = ojson::object();
        for (const auto& [k, v] : rec.options[i])
            o[k] = v;
        options[rec.hosts[i].name] = o;
    }
    j["options"] = options;
    ojson segs = ojson::array();
    for (const auto& s : rec.segments) {
        ojson o;
        o["t_us"] = s.tUs;
        o["from"] = s.from;
        o["to"] = s.to;
        o["src"] = s.src;
        o["dst"] = s.dst;
        o["flags"] = flagNames(s.flags);
        o["seq"] = s.seq;
        o["ack"] = s.ack;
        o["len"] = s.len;
        o["win"] = s.win;
        o["tsval"] = s.hasTs ? ojson(s.tsval) : ojson(nullptr);
        o["tsecr"] = s.hasTs ? ojson(s.tsecr) : ojson(nullptr);
        o["fate"] = std::string(fateName(s.fate));
        o["arrive_us"] = s.arriveUs >= 0 ? ojson(s.arriveUs) : ojson(nullptr);
        o["reason"] = s.reason;
        o["connection"] = s.connection;
        o["socket"] = s.socket;
        segs.push_back(std::move(o));
    }
    j["segments"] = segs;
    ojson trans = ojson::array();
    for (const auto& t : rec.transitions) {
        trans.push_back({{"t_us", t.tUs},
                         {"host", t.host},
                         {"socket", t.socket},
                         {"local", t.local},
                         {"remote", t.remote},
                         {"from", std::string(stateName(t.from))},
                         {"to", std::string(stateName(t.to))},
                         {"cause", t.cause},
                         {"connection", t.connection}});
    }
    j["transitions"] = trans;
    ojson notes = ojson::array();
    for (const auto& n : rec.notes) {
        ojson args = ojson::object();
        for (const auto& [k, v] : n.args)
            args[k] = v;
        notes.push_back({{"t_us", n.t},
                         {"id", std::string(noteKey(n.id))},
                         {"args", args},
                         {"text", renderNoteEn(n)}});
    }
    j["notes"] = notes;
    ojson counters = ojson::object();
    for (std::size_t i = 0; i < rec.hosts.size() && i < rec.counters.size(); ++i) {
        ojson c = ojson::object();
        for (std::size_t m = 0; m < kMibCount; ++m)
            c[std::string(mibName(static_cast<Mib>(m)))] = rec.counters[i].values()[m];
        counters[rec.hosts[i].name] = c;
    }
    j["counters"] = counters;
    ojson deltas = ojson::array();
    for (const auto& d : rec.counterDeltas) {
        const std::string host = d.host >= 0 && static_cast<std::size_t>(d.host) < rec.hosts.size()
                                     ? rec.hosts[static_cast<std::size_t>(d.host)].name
                                     : std::string();
        deltas.push_back({{"t_us", d.tUs},
                          {"host", host},
                          {"name", std::string(mibName(d.mib))},
                          {"delta", d.delta}});
    }
    j["counter_deltas"] = deltas;
    ojson apps = ojson::array();
    for (const auto& a : rec.appEvents) {
        apps.push_back({{"t_us", a.tUs},
                        {"host", a.host},
                        {"sock", a.sock},
                        {"call", a.call},
                        {"result", a.result},
                        {"detail", a.detail},
                        {"socket", a.socket}});
    }
    j["app_events"] = apps;
    ojson timers = ojson::array();
    for (const auto& t : rec.timers) {
        timers.push_back({{"start_us", t.startUs},
                          {"end_us", t.endUs},
                          {"fired", t.fired},
                          {"host", t.host},
                          {"socket", t.socket},
                          {"kind", std::string(timerKindName(t.kind))}});
    }
    j["timers"] = timers;
    ojson finals = ojson::object();
    for (std::size_t i = 0; i < rec.hosts.size() && i < rec.finalSockets.size(); ++i) {
        ojson rows = ojson::array();
        for (const auto& r : rec.finalSockets[i]) {
            rows.push_back({{"state", std::string(stateName(r.state))},
                            {"local", r.local},
                            {"remote", r.remote},
                            {"recv_q", r.recvQ},
                            {"send_q", r.sendQ},
                            {"timer", r.timer},
                            {"socket", r.socket},
                            {"connection", r.connection}});
        }
        finals[rec.hosts[i].name] = rows;
    }
    j["final_sockets"] = finals;
    j["outcome"] = {{"stray_accepted", rec.outcome.strayAccepted},
                    {"bytes_discarded", rec.outcome.bytesDiscarded},
                    {"resets", rec.outcome.resets},
                    {"syn_dropped", rec.outcome.synDropped}};
    ojson beats = ojson::array();
    for (const auto& b : rec.beats) {
        beats.push_back({{"t_us", b.tUs},
                         {"caption", {{"en", b.caption.en}, {"zh_CN", b.caption.zhCN}}},
                         {"notes", {{"en", b.notes.en}, {"zh_CN", b.notes.zhCN}}},
                         {"focus", b.focusSegments},
                         {"anchor", b.anchor}});
    }
    j["beats"] = beats;
    return j;
}

namespace {

[[noreturn]] void missing(const std::string& field, const std::string& where) {
    throw InputError(ErrorId::ScenarioMissingField, {{"field", field}, {"where", where}});
}

const nlohmann::json& need(const nlohmann::json& j, const char* field, const char* where) {
    if (!j.is_object() || !j.contains(field))
        missing(field, where);
    return j.at(field);
}

TcpState stateOf(const nlohmann::json& j) {
    const auto s = parseState(j.get<std::string>());
    if (!s)
        throw InputError(ErrorId::ScenarioBadValue,
                         {{"field", "state"},
                          {"value", j.get<std::string>()},
                          {"why", QT_TRANSLATE_NOOP("closelab::Errors", "not a TCP state name")}});
    return *s;
}

template <class T>
T numberOr(const nlohmann::json& j, const char* field, T fallback) {
    if (!j.contains(field) || j.at(field).is_null())
        return fallback;
    return j.at(field).get<T>();
}

std::string stringOr(const nlohmann::json& j, const char* field) {
    if (!j.contains(field) || !j.at(field).is_string())
        return {};
    return j.at(field).get<std::string>();
}

}  // namespace

Recording recordingFromJson(const nlohmann::json& j) {
    Recording rec;
    try {
        rec.source = stringOr(j, "source");
        if (rec.source.empty())
            rec.source = "engine";
        rec.scenario = stringOr(j, "scenario");
        const std::string k =
            need(j, "kernel", QT_TRANSLATE_NOOP("closelab::Errors", "the recording"))
                .get<std::string>();
        const auto p = parseProfile(k);
        if (!p)
            throw InputError(ErrorId::UnknownKernel, {{"kernel", k}});
        rec.kernel = *p;
        rec.seed = numberOr<std::uint64_t>(j, "seed", 1);
        rec.endUs = numberOr<SimTime>(j, "end_us", 0);
        for (const auto& h :
             need(j, "hosts", QT_TRANSLATE_NOOP("closelab::Errors", "the recording")))
            rec.hosts.push_back(RecHost{h.at("name").get<std::string>(), stringOr(h, "role"),
                                        stringOr(h, "address")});
        for (const auto& h : rec.hosts) {
            std::vector<std::pair<std::string, std::string>> o;
            if (j.contains("options") && j["options"].contains(h.name)) {
                for (const auto& [key, value] : j["options"][h.name].items())
                    o.emplace_back(key,
                                   value.is_string() ? value.get<std::string>() : value.dump());
            }
            rec.options.push_back(std::move(o));
        }
        if (j.contains("segments")) {
            for (const auto& s : j["segments"]) {
                RecSegment r;
                r.tUs = s.at("t_us").get<SimTime>();
                r.from = stringOr(s, "from");
                r.to = stringOr(s, "to");
                r.src = stringOr(s, "src");
                r.dst = stringOr(s, "dst");
                r.flags = parseFlagNames(s.at("flags").get<std::vector<std::string>>());
                r.seq = numberOr<std::uint32_t>(s, "seq", 0);
                r.ack = numberOr<std::uint32_t>(s, "ack", 0);
                r.len = numberOr<std::uint32_t>(s, "len", 0);
                r.win = numberOr<std::uint32_t>(s, "win", 0);
                r.hasTs = s.contains("tsval") && !s["tsval"].is_null();
                r.tsval = numberOr<std::uint32_t>(s, "tsval", 0);
                r.tsecr = numberOr<std::uint32_t>(s, "tsecr", 0);
                const std::string fate = stringOr(s, "fate");
                r.fate = fate == "lost"      ? Fate::Lost
                         : fate == "dropped" ? Fate::Dropped
                         : fate == "delayed" ? Fate::Delayed
                                             : Fate::Delivered;
                r.arriveUs = numberOr<SimTime>(s, "arrive_us", -1);
                r.reason = stringOr(s, "reason");
                r.connection = numberOr<int>(s, "connection", 0);
                r.socket = numberOr<int>(s, "socket", 0);
                rec.segments.push_back(std::move(r));
            }
        }
        if (j.contains("transitions")) {
            for (const auto& t : j["transitions"]) {
                RecTransition r;
                r.tUs = t.at("t_us").get<SimTime>();
                r.host = t.at("host").get<std::string>();
                r.socket = numberOr<int>(t, "socket", 0);
                r.local = stringOr(t, "local");
                r.remote = stringOr(t, "remote");
                r.from = stateOf(t.at("from"));
                r.to = stateOf(t.at("to"));
                r.cause = stringOr(t, "cause");
                r.connection = numberOr<int>(t, "connection", 0);
                rec.transitions.push_back(std::move(r));
            }
        }
        if (j.contains("notes")) {
            for (const auto& n : j["notes"]) {
                Note note;
                note.t = n.at("t_us").get<SimTime>();
                note.id = noteFromKey(n.at("id").get<std::string>());
                if (note.id == NoteId::Count)
                    continue;  // a note this build does not know
                if (n.contains("args")) {
                    for (const auto& [key, value] : n["args"].items())
                        note.args.emplace_back(
                            key, value.is_string() ? value.get<std::string>() : value.dump());
                }
                rec.notes.push_back(std::move(note));
            }
        }
        for (const auto& h : rec.hosts) {
            Counters c;
            if (j.contains("counters") && j["counters"].contains(h.name)) {
                for (const auto& [key, value] : j["counters"][h.name].items()) {
                    if (const auto m = parseMib(key))
                        c.add(*m, value.get<std::uint64_t>());
                }
            }
            rec.counters.push_back(c);
        }
        if (j.contains("counter_deltas")) {
            for (const auto& d : j["counter_deltas"]) {
                const auto m = parseMib(stringOr(d, "name"));
                if (!m)
                    continue;
                rec.counterDeltas.push_back(RecCounterDelta{d.at("t_us").get<SimTime>(),
                                                            rec.hostIndex(stringOr(d, "host")), *m,
                                                            d.at("delta").get<std::int64_t>()});
            }
        }
        if (j.contains("app_events")) {
            for (const auto& a : j["app_events"]) {
                rec.appEvents.push_back(
                    RecAppEvent{a.at("t_us").get<SimTime>(), stringOr(a, "host"),
                                stringOr(a, "sock"), stringOr(a, "call"), stringOr(a, "result"),
                                stringOr(a, "detail"), numberOr<int>(a, "socket", 0)});
            }
        }
        if (j.contains("timers")) {
            for (const auto& t : j["timers"]) {
                RecTimer r;
                r.startUs = t.at("start_us").get<SimTime>();
                r.endUs = t.at("end_us").get<SimTime>();
                r.fired = t.value("fired", false);
                r.host = stringOr(t, "host");
                r.socket = numberOr<int>(t, "socket", 0);
                const std::string k2 = stringOr(t, "kind");
                for (TimerKind tk : {TimerKind::TimeWait, TimerKind::FinWait2,
                                     TimerKind::Retransmit, TimerKind::LossProbe, TimerKind::Linger,
                                     TimerKind::Keepalive, TimerKind::Syn}) {
                    if (timerKindName(tk) == k2)
                        r.kind = tk;
                }
                rec.timers.push_back(std::move(r));
            }
        }
        for (const auto& h : rec.hosts) {
            std::vector<SocketRow> rows;
            if (j.contains("final_sockets") && j["final_sockets"].contains(h.name)) {
                for (const auto& r : j["final_sockets"][h.name]) {
                    SocketRow row;
                    row.host = h.name;
                    row.state = stateOf(r.at("state"));
                    row.local = stringOr(r, "local");
                    row.remote = stringOr(r, "remote");
                    row.recvQ = numberOr<std::uint32_t>(r, "recv_q", 0);
                    row.sendQ = numberOr<std::uint32_t>(r, "send_q", 0);
                    row.timer = stringOr(r, "timer");
                    row.socket = numberOr<int>(r, "socket", 0);
                    row.connection = numberOr<int>(r, "connection", 0);
                    rows.push_back(std::move(row));
                }
            }
            rec.finalSockets.push_back(std::move(rows));
        }
        if (j.contains("outcome")) {
            const auto& o = j["outcome"];
            rec.outcome.strayAccepted = numberOr<int>(o, "stray_accepted", 0);
            rec.outcome.bytesDiscarded = numberOr<std::int64_t>(o, "bytes_discarded", 0);
            rec.outcome.resets = numberOr<int>(o, "resets", 0);
            rec.outcome.synDropped = numberOr<int>(o, "syn_dropped", 0);
        }
        if (j.contains("beats")) {
            auto textOf = [](const nlohmann::json& b, const char* field) {
                LocalizedText t;
                if (b.contains(field) && b.at(field).is_object()) {
                    t.en = stringOr(b.at(field), "en");
                    t.zhCN = stringOr(b.at(field), "zh_CN");
                }
                return t;
            };
            for (const auto& b : j["beats"]) {
                RecBeat r;
                r.tUs = b.at("t_us").get<SimTime>();
                r.caption = textOf(b, "caption");
                r.notes = textOf(b, "notes");
                if (b.contains("focus")) {
                    for (const auto& f : b["focus"]) {
                        const int i = f.get<int>();
                        if (i >= 0 && static_cast<std::size_t>(i) < rec.segments.size())
                            r.focusSegments.push_back(i);
                    }
                }
                r.anchor = stringOr(b, "anchor");
                rec.beats.push_back(std::move(r));
            }
            std::stable_sort(rec.beats.begin(), rec.beats.end(),
                             [](const RecBeat& x, const RecBeat& y) { return x.tUs < y.tUs; });
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(ErrorId::JsonSyntax, {{"message", e.what()}});
    }
    return rec;
}

std::string toText(const Recording& rec) {
    struct Line {
        SimTime t;
        int order;
        std::string text;
    };
    std::vector<Line> lines;
    int order = 0;
    for (const auto& s : rec.segments) {
        std::ostringstream o;
        o << secondsText(s.tUs) << "  " << s.from << " > " << s.to << "  " << s.src << " > "
          << s.dst << ": Flags [" << flagsShort(s.flags) << "], seq " << s.seq;
        if (s.flags & kAck)
            o << ", ack " << s.ack;
        o << ", win " << s.win << ", length " << s.len;
        if (s.hasTs)
            o << ", TS val " << s.tsval << " ecr " << s.tsecr;
        o << "  (" << fateName(s.fate);
        if (s.arriveUs >= 0)
            o << ", arrives " << secondsText(s.arriveUs);
        if (!s.reason.empty())
            o << ", " << s.reason;
        o << ")";
        lines.push_back({s.tUs, order++, o.str()});
    }
    for (const auto& t : rec.transitions) {
        lines.push_back({t.tUs, order++,
                         secondsText(t.tUs) + "  " + t.host + " socket " +
                             std::to_string(t.socket) + " " + t.local + " " + t.remote + ": " +
                             std::string(stateName(t.from)) + " -> " +
                             std::string(stateName(t.to)) + " (" + t.cause + ")"});
    }
    for (const auto& a : rec.appEvents) {
        lines.push_back({a.tUs, order++,
                         secondsText(a.tUs) + "  " + a.host + " app: " + a.call + "(" + a.sock +
                             ") = " + a.result + (a.detail.empty() ? "" : " [" + a.detail + "]")});
    }
    for (const auto& n : rec.notes)
        lines.push_back({n.t, order++, secondsText(n.t) + "  note: " + renderNoteEn(n)});
    for (std::size_t i = 0; i < rec.beats.size(); ++i) {
        const RecBeat& b = rec.beats[i];
        lines.push_back(
            {b.tUs, order++,
             secondsText(b.tUs) + "  beat " + std::to_string(i + 1) + ": " + b.caption.en});
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line& a, const Line& b) { return a.t < b.t; });
    std::ostringstream out;
    out << "# closelab " << rec.source << " run: scenario " << rec.scenario << ", kernel "
        << profileName(rec.kernel) << ", seed " << rec.seed << ", until " << secondsText(rec.endUs)
        << " s\n";
    for (const auto& l : lines)
        out << l.text << '\n';
    out << "# sockets at the end (like ss -tan)\n";
    for (std::size_t i = 0; i < rec.finalSockets.size() && i < rec.hosts.size(); ++i) {
        for (const auto& r : rec.finalSockets[i]) {
            out << rec.hosts[i].name << "  " << stateName(r.state) << "  " << r.recvQ << " "
                << r.sendQ << "  " << r.local << "  " << r.remote;
            if (!r.timer.empty())
                out << "  timer:(" << r.timer << ")";
            out << '\n';
        }
    }
    out << "# counters (non-zero)\n";
    for (std::size_t i = 0; i < rec.counters.size() && i < rec.hosts.size(); ++i) {
        for (std::size_t m = 0; m < kMibCount; ++m) {
            const auto v = rec.counters[i].values()[m];
            if (v != 0)
                out << rec.hosts[i].name << "  " << mibGroup(static_cast<Mib>(m))
                    << mibName(static_cast<Mib>(m)) << " " << v << '\n';
        }
    }
    out << "# outcome: stray_accepted " << rec.outcome.strayAccepted << ", bytes_discarded "
        << rec.outcome.bytesDiscarded << ", resets " << rec.outcome.resets << ", syn_dropped "
        << rec.outcome.synDropped << '\n';
    return out.str();
}

}  // namespace closelab::core
