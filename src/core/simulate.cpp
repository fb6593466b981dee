// The scenario engine: a deterministic discrete-event simulation of hosts that close TCP
// connections the way Linux does. Every rule cites the kernel function it comes from; see
// docs/engine.md for what is simplified.
#include "core/simulate.h"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>

#include "core/error.h"
#include "core/event_queue.h"
#include "core/four_tuple.h"
#include "core/port_allocator.h"
#include "core/rng.h"
#include "core/sysctls.h"
#include "core/time_wait_table.h"

namespace closelab::core {

namespace {

constexpr SimTime kRtoMin = msToUs(200);          // TCP_RTO_MIN
constexpr SimTime kRtoInit = secToUs(1);          // TCP_TIMEOUT_INIT (RFC 6298 2.1)
constexpr SimTime kRtoMax = secToUs(120);         // TCP_RTO_MAX
constexpr SimTime kDelAckMin = msToUs(40);        // TCP_DELACK_MIN
constexpr SimTime kPawsMsl = secToUs(60);         // TCP_PAWS_MSL
constexpr SimTime kPawsWrap = secToUs(2147);      // TCP_PAWS_WRAP
constexpr SimTime kTwKillThreshold = secToUs(4);  // __inet_twsk_schedule(): kill = timeo <= 4*HZ
constexpr SimTime kFinTimeoutMax = secToUs(120);  // TCP_FIN_TIMEOUT_MAX (TCP_LINGER2 clamp)
constexpr std::uint32_t kRcvBuf = 65535;  // receive buffer = largest window (no window scaling)
constexpr int kSynAckRetries = 5;         // tcp_synack_retries

// icsk_rto << icsk_backoff, capped at TCP_RTO_MAX (and safe for any backoff).
SimTime backedOff(SimTime rto, int backoff) {
    return backoff >= 20 ? kRtoMax : std::min(rto << backoff, kRtoMax);
}

bool seqBefore(std::uint32_t a, std::uint32_t b) {
    return static_cast<std::int32_t>(a - b) < 0;
}
bool seqAfter(std::uint32_t a, std::uint32_t b) {
    return seqBefore(b, a);
}

enum EventKind : std::uint32_t { kEvApp, kEvArrive, kEvTimer };
enum TimerSlot : std::uint8_t { kTRetrans, kTDelAck, kTKeepalive, kTLinger, kTSlots };

struct TxSeg {
    std::uint32_t seq = 0;
    std::uint32_t len = 0;  // payload bytes
    std::uint8_t flags = 0;
    SimTime firstSent = 0;
    bool retransmitted = false;
    std::uint32_t endSeq() const { return seq + len + ((flags & (kSyn | kFin)) ? 1 : 0); }
};

struct OooSeg {
    std::uint32_t seq = 0;
    std::uint32_t len = 0;
    bool fin = false;
    int conn = 0;
};

struct Socket {
    int id = 0;
    int host = 0;
    FourTuple tuple;
    TcpState state = TcpState::Closed;
    int conn = 0;
    std::string label;
    bool orphan = false;
    bool explicitBind = false;
    bool released = false;
    SocketOptions opts;
    bool autoRead = true;
    bool closeOnEof = false;
    int listener = 0;
    bool accepted = false;
    std::vector<int> acceptQueue;  // listener: established, not accepted
    std::vector<std::pair<std::string, std::pair<bool, bool>>> pendingAccepts;  // label, flags
    std::vector<SimTime> pendingAcceptTimes;
    // Send side.
    std::uint32_t iss = 0;
    std::uint32_t sndUna = 0;
    std::uint32_t sndNxt = 0;
    bool finSent = false;
    bool finPending = false;  // close()/shutdown() done, FIN waits behind unsent data
    std::uint32_t finSeq = 0;
    std::vector<TxSeg> rtx;
    std::vector<std::uint32_t> unsentChunks;  // one per send() call, not yet on the wire
    std::uint64_t unsent = 0;
    std::uint32_t sndWnd = kRcvBuf;  // the peer's advertised window
    // Receive side.
    std::uint32_t irs = 0;
    std::uint32_t rcvNxt = 0;
    bool finRcvd = false;
    std::uint64_t rcvQueued = 0;  // received, not read by the application
    std::vector<OooSeg> ooo;
    // Timestamps.
    bool tsOk = false;
    std::uint32_t tsRecent = 0;
    SimTime tsRecentStamp = -1;
    std::uint32_t tsOffset = 0;
    // RTT / retransmission.
    SimTime srtt = -1;
    SimTime rto = kRtoInit;
    int backoff = 0;
    int retransmits = 0;
    SimTime retransStamp = 0;
    bool retransStampSet = false;
    bool tlpDone = false;
    bool tlpArmed = false;
    // Timers.
    std::array<std::uint32_t, kTSlots> timerGen{};
    std::array<int, kTSlots> timerRec{-1, -1, -1, -1};
    int twTimerRec = -1;
    std::uint32_t twHandle = TimeWaitTable::kNone;
    SimTime twTimeout = 0;  // tw_timeout for later re-arms (3.5*RTO with recycle)
    SimTime stateSince = 0;
    // Application.
    std::string err;  // pending error for the next call (ECONNRESET, ETIMEDOUT, ...)
    bool connectPending = false;
    SimTime connectCalled = 0;
    bool lingerPending = false;
    SimTime lingerCalled = 0;
    bool delAckPending = false;
};

struct PeerStamp {
    std::uint32_t ts = 0;
    SimTime stamp = 0;
};

struct NatMapping {
    int privateHost = 0;
    Ipv4 privateIp = 0;
    std::uint16_t privatePort = 0;
    std::uint16_t publicPort = 0;
    Ipv4 remoteIp = 0;
    std::uint16_t remotePort = 0;
};

struct Host {
    int index = 0;
    std::string name;
    Ipv4 ip = 0;
    bool isNat = false;
    int via = -1;
    Sysctls sys;
    SocketOptions sockOpts;
    std::uint32_t tsClockBase = 0;
    std::uint64_t isnSecret = 0;
    std::uint64_t tsSecret = 0;
    Counters counters;
    std::unordered_map<FourTuple, int, FourTupleHash> ehash;
    std::vector<int> listeners;
    TimeWaitTable tw;
    std::unordered_map<std::uint16_t, int> explicitPortRefs;
    PortAllocator ports{1};
    std::unordered_map<std::string, int> labels;
    std::unordered_map<Ipv4, PeerStamp> peerTs;
    std::vector<NatMapping> nat;
};

struct Seg {
    int fromHost = 0;
    int toHost = 0;
    Ipv4 srcIp = 0;
    Ipv4 dstIp = 0;
    std::uint16_t sport = 0;
    std::uint16_t dport = 0;
    std::uint8_t flags = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint32_t len = 0;
    std::uint32_t win = kRcvBuf;
    bool hasTs = false;
    std::uint32_t tsval = 0;
    std::uint32_t tsecr = 0;
    int conn = 0;
    int sock = 0;
    int record = -1;  // index of this hop in Recording::segments (-1: not recorded)
    std::uint32_t endSeq() const { return seq + len + ((flags & (kSyn | kFin)) ? 1 : 0); }
};

std::string u(std::int64_t v) {
    return std::to_string(v);
}

std::string msText(SimTime us) {
    // Whole milliseconds when exact, else with three decimals: deterministic, no floating point.
    if (us % 1000 == 0)
        return std::to_string(us / 1000);
    std::string frac = std::to_string((us < 0 ? -us : us) % 1000);
    while (frac.size() < 3)
        frac.insert(frac.begin(), '0');
    return std::to_string(us / 1000) + '.' + frac;
}

class Simulator {
public:
    Simulator(const Scenario& sc, const RunConfig& cfg) : m_sc(sc), m_cfg(cfg), m_rng(cfg.seed) {}

    Recording run();

private:
    // Set-up.
    void buildHosts();
    const LinkSpec& linkBetween(int a, int b) const;
    int hostByName(std::string_view name) const;
    int hostByIp(Ipv4 ip) const;

    // Recording helpers.
    void note(NoteId id, std::vector<std::pair<std::string, std::string>> args) {
        if (m_cfg.recordDetail)
            m_rec.notes.push_back(Note{m_now, id, std::move(args)});
    }
    void count(Host& h, Mib mib, std::uint64_t n = 1) {
        h.counters.add(mib, n);
        if (m_cfg.recordDetail)
            m_rec.counterDeltas.push_back(
                RecCounterDelta{m_now, h.index, mib, static_cast<std::int64_t>(n)});
    }
    void appEvent(const Host& h, const std::string& sock, std::string_view call, std::string result,
                  std::string detail, int socketId, SimTime t) {
        m_rec.appEvents.push_back(RecAppEvent{t, h.name, sock, std::string(call), std::move(result),
                                              std::move(detail), socketId});
    }
    std::string local(const Socket& s) const {
        return formatEndpoint(s.tuple.localIp, s.tuple.localPort);
    }
    std::string remote(const Socket& s) const {
        return s.state == TcpState::Listen ? std::string("*:*")
                                           : formatEndpoint(s.tuple.remoteIp, s.tuple.remotePort);
    }
    void setState(Socket& s, TcpState to, std::string_view cause);
    int startTimerRecord(const Socket& s, TimerKind kind, SimTime end);
    void endTimerRecord(int& rec, bool fired);

    // Sockets.
    Socket& newSocket(Host& h, const FourTuple& t, const SocketOptions& opts);
    void destroy(Socket& s, std::string_view cause);
    void release(Socket& s);
    std::uint32_t isnFor(const Host& h, const FourTuple& t) const;
    std::uint32_t tsOffsetFor(const Host& h, const FourTuple& t) const;
    std::uint32_t tsNow(const Host& h) const {
        return h.tsClockBase + static_cast<std::uint32_t>(m_now / kUsPerMs);
    }
    SimTime finTime(const Socket& s, const Host& h) const;

    // Timers.
    void armTimer(Socket& s, TimerSlot slot, SimTime at, TimerKind kind);
    void cancelTimer(Socket& s, TimerSlot slot);
    void cancelAllTimers(Socket& s);
    void onTimer(int sockId, std::uint64_t data);
    void armRetransmit(Socket& s);
    void onRetransmitTimer(Socket& s);
    SimTime giveUpBudget(const Socket& s, const Host& h) const;
    void giveUp(Socket& s);

    // Output.
    void sendSegment(Socket& s, std::uint8_t flags, std::uint32_t seq, std::uint32_t len);
    void sendAck(Socket& s) { sendSegment(s, kAck, s.sndNxt, 0); }
    void trySend(Socket& s);
    void sendFin(Socket& s);
    std::uint32_t advertisedWindow(const Socket& s) const {
        return s.rcvQueued >= kRcvBuf ? 0 : kRcvBuf - static_cast<std::uint32_t>(s.rcvQueued);
    }
    void sendRaw(Host& h, Seg seg);
    void sendResetFor(Host& h, const Seg& in);
    void transmitHop(int from, int to, const Seg& seg);
    void schedule(const Seg& seg, int from, int to, SimTime arrive);
    // The receiving host's TCP discarded the segment: its record says dropped, and why.
    void droppedByTcp(const Seg& seg, std::string_view reason);
    bool faultApplies(int faultIndex, int from, int to, const Seg& seg, SimTime t);

    // Input.
    void arrive(Seg seg);
    void natForward(Host& nat, Seg seg);
    void tcpRcv(Host& h, const Seg& seg);
    void rcvSynSent(Socket& s, const Seg& seg);
    void rcvSynchronized(Socket& s, const Seg& seg);
    void rcvListen(Host& h, Socket& l, const Seg& seg, std::uint32_t isn);
    void rcvTimeWait(Host& h, std::uint32_t handle, const Seg& seg);
    void twAck(Host& h, TimeWaitEntry& e, bool rateLimited);
    void ackProcessing(Socket& s, const Seg& seg, bool& gone);
    void dataAndFin(Socket& s, const Seg& seg);
    void acceptData(Socket& s, std::uint32_t len, int conn);
    void finReceived(Socket& s);
    void reset(Socket& s, std::string_view cause);

    // Closing.
    void timeWait(Socket& s, TcpState state, SimTime tmo);
    void orphanFinWait2(Socket& s, bool finInSegment);
    void finishLinger(Socket& s, bool timedOut);
    void expireTimeWait(Host& h, const TimeWaitEntry& e);

    // Application.
    void runApp(const AppCall& c);
    void appListen(Host& h, const AppCall& c);
    void appConnect(Host& h, const AppCall& c);
    void appAccept(Host& h, const AppCall& c);
    void appSend(Host& h, const AppCall& c);
    void appRecv(Host& h, const AppCall& c);
    void appShutdown(Host& h, const AppCall& c);
    void appClose(Host& h, Socket& s, const std::string& label);
    void deliverAccepts(Socket& listener);
    bool bindConflict(Host& h, std::uint16_t port, const SocketOptions& opts, bool listening);
    SocketOptions socketOptionsFor(const Host& h, const AppCall& c) const;
    void connectDone(Socket& s, const std::string& result, const std::string& detail);

    void finish();

    const Scenario& m_sc;
    const RunConfig& m_cfg;
    Rng m_rng;
    SimTime m_now = 0;
    KernelProfile m_profile = KernelProfile::Linux6;
    std::vector<Host> m_hosts;
    std::deque<Socket> m_sockets;  // id = index + 1; a deque keeps references stable
    EventQueue m_queue;
    std::vector<Seg> m_inflight;
    std::vector<std::uint32_t> m_inflightFree;
    std::vector<int> m_faultMatches;
    int m_connCounter = 0;
    std::uint64_t m_segmentsSent = 0;  // against kMaxScenarioSegments
    Recording m_rec;
};

// ---------------------------------------------------------------------------------------------
// Set-up

int Simulator::hostByName(std::string_view name) const {
    for (const auto& h : m_hosts) {
        if (h.name == name)
            return h.index;
    }
    return -1;
}

int Simulator::hostByIp(Ipv4 ip) const {
    for (const auto& h : m_hosts) {
        if (h.ip == ip)
            return h.index;
    }
    return -1;
}

const LinkSpec& Simulator::linkBetween(int a, int b) const {
    const std::string& na = m_hosts[static_cast<std::size_t>(a)].name;
    const std::string& nb = m_hosts[static_cast<std::size_t>(b)].name;
    for (const auto& l : m_sc.links) {
        if ((l.a == na && l.b == nb) || (l.a == nb && l.b == na))
            return l;
    }
    return m_sc.defaultLink;
}

void Simulator::buildHosts() {
    m_profile = m_cfg.kernel.value_or(m_sc.kernel);
    for (const auto& o : m_cfg.overrides) {
        if (!o.host.empty()) {
            const bool known = std::any_of(m_sc.hosts.begin(), m_sc.hosts.end(),
                                           [&](const HostSpec& h) { return h.name == o.host; });
            if (!known)
                throw InputError(ErrorId::UnknownHost, {{"host", o.host}});
        }
    }
    m_rec.hosts.clear();
    for (std::size_t i = 0; i < m_sc.hosts.size(); ++i) {
        const HostSpec& spec = m_sc.hosts[i];
        Host h;
        h.index = static_cast<int>(i);
        h.name = spec.name;
        h.ip = parseIpv4(spec.address).value_or(0);
        h.isNat = spec.isNat;
        h.sys = Sysctls::defaults(m_profile);
        Rng hostRng(m_cfg.seed * 0x9E3779B97F4A7C15ULL + i * 0xD1B54A32D192ED03ULL + 7);
        h.ports = PortAllocator(hostRng.next());
        h.isnSecret = hostRng.next();
        h.tsSecret = hostRng.next();
        h.tsClockBase = spec.tsClockMs ? *spec.tsClockMs : 1000000u + hostRng.below(1000000000u);
        m_hosts.push_back(std::move(h));
        m_rec.hosts.push_back(RecHost{spec.name, spec.name, spec.address});
    }
    for (std::size_t i = 0; i < m_sc.hosts.size(); ++i) {
        if (!m_sc.hosts[i].via.empty())
            m_hosts[i].via = hostByName(m_sc.hosts[i].via);
    }
    m_rec.options.clear();
    for (auto& h : m_hosts) {
        const auto eff = effectiveOptions(m_sc, m_cfg, h.name);
        for (const auto& [name, value] : eff) {
            const OptionValue v = parseOptionValue(name, value, m_profile);
            const OptionSpec* spec = findOption(name);
            if (spec->kind == OptionKind::Socket)
                h.sockOpts.apply(name, v);
            else
                h.sys.apply(name, v);
            const std::string def = defaultValue(*spec, m_profile);
            if (def != value) {
                note(NoteId::OptionEffective,
                     {{"host", h.name}, {"name", name}, {"value", value}, {"default", def}});
            }
        }
        m_rec.options.push_back(eff);
        m_rec.counters.emplace_back();
        m_rec.finalSockets.emplace_back();
    }
}

// ---------------------------------------------------------------------------------------------
// Recording helpers

void Simulator::setState(Socket& s, TcpState to, std::string_view cause) {
    if (s.state == to)
        return;
    if (m_cfg.recordDetail) {
        const Host& h = m_hosts[static_cast<std::size_t>(s.host)];
        RecTransition t;
        t.tUs = m_now;
        t.host = h.name;
        t.socket = s.id;
        t.local = local(s);
        t.remote = (to == TcpState::Listen || s.state == TcpState::Listen)
                       ? std::string("*:*")
                       : formatEndpoint(s.tuple.remoteIp, s.tuple.remotePort);
        t.from = s.state;
        t.to = to;
        t.cause = std::string(cause);
        t.connection = s.conn;
        m_rec.transitions.push_back(std::move(t));
    }
    s.state = to;
    s.stateSince = m_now;
}

int Simulator::startTimerRecord(const Socket& s, TimerKind kind, SimTime end) {
    if (!m_cfg.recordDetail)
        return -1;
    RecTimer r;
    r.startUs = m_now;
    r.endUs = end;
    r.host = m_hosts[static_cast<std::size_t>(s.host)].name;
    r.socket = s.id;
    r.kind = kind;
    m_rec.timers.push_back(std::move(r));
    return static_cast<int>(m_rec.timers.size()) - 1;
}

void Simulator::endTimerRecord(int& rec, bool fired) {
    if (rec >= 0) {
        auto& r = m_rec.timers[static_cast<std::size_t>(rec)];
        r.endUs = m_now;
        r.fired = fired;
    }
    rec = -1;
}

// ---------------------------------------------------------------------------------------------
// Sockets

Socket& Simulator::newSocket(Host& h, const FourTuple& t, const SocketOptions& opts) {
    Socket s;
    s.id = static_cast<int>(m_sockets.size()) + 1;
    s.host = h.index;
    s.tuple = t;
    s.opts = opts;
    s.stateSince = m_now;
    m_sockets.push_back(std::move(s));
    return m_sockets.back();
}

// tcp_done(): the socket leaves every table; a TIME_WAIT also leaves the timewait table.
void Simulator::destroy(Socket& s, std::string_view cause) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    cancelAllTimers(s);
    if (s.twHandle != TimeWaitTable::kNone) {
        h.tw.erase(s.twHandle);
        s.twHandle = TimeWaitTable::kNone;
        endTimerRecord(s.twTimerRec, false);
    }
    if (s.state == TcpState::Listen) {
        h.listeners.erase(std::remove(h.listeners.begin(), h.listeners.end(), s.id),
                          h.listeners.end());
    } else {
        auto it = h.ehash.find(s.tuple);
        if (it != h.ehash.end() && it->second == s.id)
            h.ehash.erase(it);
    }
    if (s.listener != 0 && !s.accepted) {
        Socket& l = m_sockets[static_cast<std::size_t>(s.listener - 1)];
        l.acceptQueue.erase(std::remove(l.acceptQueue.begin(), l.acceptQueue.end(), s.id),
                            l.acceptQueue.end());
    }
    setState(s, TcpState::Closed, cause);
    if (s.connectPending)
        connectDone(s, s.err.empty() ? "ECONNRESET" : s.err, "");
    if (s.lingerPending)
        finishLinger(s, false);
    release(s);
}

// The bind bucket reference of an explicitly bound port goes when the last owner (full socket or
// TIME_WAIT, inet_twsk_hashdance_schedule()) goes.
void Simulator::release(Socket& s) {
    if (s.released)
        return;
    s.released = true;
    if (s.explicitBind) {
        Host& h = m_hosts[static_cast<std::size_t>(s.host)];
        auto it = h.explicitPortRefs.find(s.tuple.localPort);
        if (it != h.explicitPortRefs.end() && --it->second <= 0)
            h.explicitPortRefs.erase(it);
    }
}

// secure_tcp_seq(): a keyed hash of the 4-tuple plus a clock ticking every 64 ns.
std::uint32_t Simulator::isnFor(const Host& h, const FourTuple& t) const {
    const std::uint64_t hash = hashFourTuple(t) ^ h.isnSecret;
    const std::uint64_t clock = static_cast<std::uint64_t>(m_now) * 1000 >> 6;
    return static_cast<std::uint32_t>(hash + clock);
}

// secure_tcp_ts_off(): linux-6 uses a per-4-tuple random offset with tcp_timestamps=1 and none
// with 2; linux-4.9 has no offsets (they came in 4.10), so each host has one clock.
std::uint32_t Simulator::tsOffsetFor(const Host& h, const FourTuple& t) const {
    if (m_profile == KernelProfile::Linux49 || h.sys.tcpTimestamps != 1)
        return 0;
    return static_cast<std::uint32_t>((hashFourTuple(t) ^ h.tsSecret) >> 32);
}

// tcp_fin_time(): TCP_LINGER2 or tcp_fin_timeout, at least 3.5*RTO.
SimTime Simulator::finTime(const Socket& s, const Host& h) const {
    SimTime t =
        s.opts.linger2Sec > 0 ? secToUs(s.opts.linger2Sec) : secToUs(h.sys.tcpFinTimeoutSec);
    if (s.opts.linger2Sec > 0 && m_profile != KernelProfile::Linux49)
        t = std::min(t, kFinTimeoutMax);
    // 4.9: a TCP_LINGER2 above tcp_fin_timeout silently meant "use the sysctl".
    if (s.opts.linger2Sec > 0 && m_profile == KernelProfile::Linux49 &&
        s.opts.linger2Sec > h.sys.tcpFinTimeoutSec)
        t = secToUs(h.sys.tcpFinTimeoutSec);
    const SimTime rto35 = (s.rto << 2) - (s.rto >> 1);
    return std::max(t, rto35);
}

// ---------------------------------------------------------------------------------------------
// Timers

void Simulator::armTimer(Socket& s, TimerSlot slot, SimTime at, TimerKind kind) {
    cancelTimer(s, slot);
    ++s.timerGen[slot];
    m_queue.push(at, kEvTimer, static_cast<std::uint32_t>(s.id),
                 (std::uint64_t{s.timerGen[slot]} << 8) | slot);
    s.timerRec[slot] = startTimerRecord(s, kind, at);
}

void Simulator::cancelTimer(Socket& s, TimerSlot slot) {
    ++s.timerGen[slot];
    endTimerRecord(s.timerRec[slot], false);
    if (slot == kTRetrans)
        s.tlpArmed = false;
    if (slot == kTDelAck)
        s.delAckPending = false;
}

void Simulator::cancelAllTimers(Socket& s) {
    for (std::uint8_t i = 0; i < kTSlots; ++i)
        cancelTimer(s, static_cast<TimerSlot>(i));
}

void Simulator::onTimer(int sockId, std::uint64_t data) {
    Socket& s = m_sockets[static_cast<std::size_t>(sockId - 1)];
    const auto slot = static_cast<TimerSlot>(data & 0xFF);
    const auto gen = static_cast<std::uint32_t>(data >> 8);
    if (s.timerGen[slot] != gen || s.state == TcpState::Closed)
        return;
    endTimerRecord(s.timerRec[slot], true);
    ++s.timerGen[slot];
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    switch (slot) {
        case kTRetrans:
            onRetransmitTimer(s);
            break;
        case kTDelAck:
            s.delAckPending = false;
            count(h, Mib::DelayedACKs);
            sendAck(s);
            break;
        case kTKeepalive: {
            // tcp_keepalive_timer(): an orphaned FIN_WAIT_2 full socket becomes a mini-socket for
            // the rest, tcp_fin_time() - TCP_TIMEWAIT_LEN, or is reset if nothing is left.
            const SimTime tmo = finTime(s, h) - kTimeWaitLen;
            if (tmo > 0) {
                timeWait(s, TcpState::FinWait2, tmo);
            } else {
                sendSegment(s, kRst | kAck, s.sndNxt, 0);
                destroy(s, "keepalive timer");
            }
            break;
        }
        case kTLinger:
            finishLinger(s, true);
            break;
        default:
            break;
    }
}

void Simulator::armRetransmit(Socket& s) {
    if (s.rtx.empty()) {
        cancelTimer(s, kTRetrans);
        return;
    }
    const SimTime cur = backedOff(s.rto, s.backoff);
    const bool synState = s.state == TcpState::SynSent || s.state == TcpState::SynRecv;
    // tcp_schedule_loss_probe(): one probe per flight, PTO = 2*SRTT + (one segment out ?
    // TCP_RTO_MIN : 2 ms), never later than the RTO. A Linux addition (RFC 8985): the rfc793
    // teaching profile retransmits on the RTO only.
    if (m_profile != KernelProfile::Rfc793 && !synState && !s.tlpDone && s.srtt >= 0 &&
        s.backoff == 0) {
        SimTime pto = 2 * s.srtt + (s.rtx.size() == 1 ? kRtoMin : msToUs(2));
        pto = std::min(pto, cur);
        armTimer(s, kTRetrans, m_now + pto, TimerKind::LossProbe);
        s.tlpArmed = true;
        return;
    }
    armTimer(s, kTRetrans, m_now + cur,
             s.state == TcpState::SynSent ? TimerKind::Syn : TimerKind::Retransmit);
    s.tlpArmed = false;
}

// tcp_model_timeout(): the give-up time as if the RTO started at rto_base and doubled up to
// TCP_RTO_MAX, `boundary` times.
SimTime modelTimeout(int boundary, SimTime rtoBase) {
    int linear = 0;
    while ((rtoBase << (linear + 1)) <= kRtoMax)
        ++linear;
    if (boundary <= linear)
        return ((SimTime{2} << boundary) - 1) * rtoBase;
    return ((SimTime{2} << linear) - 1) * rtoBase + (boundary - linear) * kRtoMax;
}

SimTime Simulator::giveUpBudget(const Socket& s, const Host& h) const {
    if (s.state == TcpState::SynSent)
        return modelTimeout(h.sys.tcpSynRetries, kRtoInit);
    const int boundary = s.orphan ? h.sys.orphanRetries() : h.sys.tcpRetries2;
    return modelTimeout(boundary, kRtoMin);
}

void Simulator::onRetransmitTimer(Socket& s) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    if (s.rtx.empty())
        return;
    if (s.tlpArmed) {
        // tcp_send_loss_probe(): resend the last segment; the RTO is armed afresh.
        s.tlpArmed = false;
        s.tlpDone = true;
        TxSeg& last = s.rtx.back();
        last.retransmitted = true;
        count(h, Mib::TCPLossProbes);
        note(NoteId::LossProbe, {{"host", h.name}, {"sock", s.label}});
        sendSegment(s, last.flags | kAck, last.seq, last.len);
        armTimer(s, kTRetrans, m_now + backedOff(s.rto, s.backoff), TimerKind::Retransmit);
        return;
    }
    // tcp_write_timeout(): give up once the budget since the first transmission is spent.
    if (s.state == TcpState::SynRecv && s.retransmits >= kSynAckRetries) {
        destroy(s, "SYN-ACK retries exhausted");
        return;
    }
    if (s.retransStampSet && m_now - s.retransStamp >= giveUpBudget(s, h)) {
        giveUp(s);
        return;
    }
    TxSeg& head = s.rtx.front();
    if (!s.retransStampSet) {
        s.retransStamp = head.firstSent;
        s.retransStampSet = true;
    }
    head.retransmitted = true;
    ++s.retransmits;
    ++s.backoff;
    count(h, Mib::TCPTimeouts);
    count(h, Mib::RetransSegs);
    const SimTime next = backedOff(s.rto, s.backoff);
    const std::vector<std::pair<std::string, std::string>> args = {
        {"host", h.name},
        {"sock", s.label},
        {"attempt", u(s.retransmits)},
        {"rto_ms", msText(next)},
        {"remote", formatEndpoint(s.tuple.remoteIp, s.tuple.remotePort)}};
    if (head.flags & kSyn) {
        if (s.state == TcpState::SynSent)
            count(h, Mib::TCPSynRetrans);
        note(NoteId::SynRetransmitted, args);
    } else if (head.flags & kFin) {
        note(NoteId::FinRetransmitted, args);
    } else {
        note(NoteId::DataRetransmitted, args);
    }
    std::uint8_t flags = head.flags;
    if (!(flags & kSyn) || s.state == TcpState::SynRecv)
        flags |= kAck;
    sendSegment(s, flags, head.seq, head.len);
    armTimer(s, kTRetrans, m_now + next,
             s.state == TcpState::SynSent ? TimerKind::Syn : TimerKind::Retransmit);
}

void Simulator::giveUp(Socket& s) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    if (s.state == TcpState::SynSent) {
        note(NoteId::ConnectTimedOut,
             {{"host", h.name},
              {"sock", s.label},
              {"remote", formatEndpoint(s.tuple.remoteIp, s.tuple.remotePort)},
              {"tries", u(s.retransmits + 1)}});
        count(h, Mib::AttemptFails);
        s.err = "ETIMEDOUT";
        destroy(s, "SYN retries exhausted");
        return;
    }
    count(h, Mib::TCPAbortOnTimeout);
    note(NoteId::RetransmitGiveUp, {{"host", h.name},
                                    {"sock", s.label},
                                    {"ms", msText(m_now - s.retransStamp)},
                                    {"retries", u(s.retransmits)},
                                    {"state", std::string(stateName(s.state))}});
    s.err = "ETIMEDOUT";
    destroy(s, "retransmission timeout");
}

// ---------------------------------------------------------------------------------------------
// Output

void Simulator::sendSegment(Socket& s, std::uint8_t flags, std::uint32_t seq, std::uint32_t len) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    Seg g;
    g.fromHost = h.index;
    g.srcIp = s.tuple.localIp;
    g.dstIp = s.tuple.remoteIp;
    g.sport = s.tuple.localPort;
    g.dport = s.tuple.remotePort;
    g.flags = flags;
    g.seq = seq;
    g.ack = (flags & kAck) ? s.rcvNxt : 0;
    g.len = len;
    g.win = advertisedWindow(s);
    g.conn = s.conn;
    g.sock = s.id;
    const bool synOut = (flags & kSyn) && !(flags & kAck);
    // tcp_syn_options(): a SYN carries a timestamp if the sysctl allows; later segments only if
    // both sides offered one.
    if ((synOut && h.sys.tcpTimestamps != 0) || (!synOut && s.tsOk && !(flags & kRst))) {
        g.hasTs = true;
        g.tsval = tsNow(h) + s.tsOffset;
        g.tsecr = synOut ? 0 : s.tsRecent;
    }
    if (flags & kAck)
        cancelTimer(s, kTDelAck);
    sendRaw(h, g);
}

void Simulator::sendRaw(Host& h, Seg g) {
    if (++m_segmentsSent > kMaxScenarioSegments) {
        throw InputError(
            ErrorId::ScenarioTooManySegments,
            {{"max", std::to_string(kMaxScenarioSegments)}, {"ms", std::to_string(m_now / 1000)}});
    }
    count(h, Mib::OutSegs);
    if (g.flags & kRst) {
        count(h, Mib::OutRsts);
        ++m_rec.outcome.resets;
    }
    // Routing: a host behind a NAT sends everything that leaves its private side through it.
    int dest = hostByIp(g.dstIp);
    if (dest < 0)
        return;
    int hop = dest;
    if (h.via >= 0 && dest != h.via && m_hosts[static_cast<std::size_t>(dest)].via != h.via)
        hop = h.via;
    transmitHop(h.index, hop, g);
}

// tcp_v4_send_reset(): answer a segment that found no socket (never an RST with an RST).
void Simulator::sendResetFor(Host& h, const Seg& in) {
    if (in.flags & kRst)
        return;
    Seg r;
    r.fromHost = h.index;
    r.srcIp = in.dstIp;
    r.dstIp = in.srcIp;
    r.sport = in.dport;
    r.dport = in.sport;
    r.conn = in.conn;
    if (in.flags & kAck) {
        r.flags = kRst;
        r.seq = in.ack;
    } else {
        r.flags = kRst | kAck;
        r.seq = 0;
        r.ack = in.endSeq();
    }
    sendRaw(h, r);
}

bool Simulator::faultApplies(int i, int from, int to, const Seg& seg, SimTime t) {
    const FaultSpec& f = m_sc.faults[static_cast<std::size_t>(i)];
    const SegmentMatch& m = f.match;
    if (!m.from.empty() && m.from != m_hosts[static_cast<std::size_t>(from)].name)
        return false;
    if (!m.to.empty() && m.to != m_hosts[static_cast<std::size_t>(to)].name)
        return false;
    if (!m.flags.empty() && parseFlagNames(m.flags) != (seg.flags & (kFin | kSyn | kRst | kAck)))
        return false;
    if (m.hasData && *m.hasData != (seg.len > 0))
        return false;
    if (t < m.afterUs)
        return false;
    const int n = ++m_faultMatches[static_cast<std::size_t>(i)];
    if (n < m.nth)
        return false;
    return m.count == 0 || n < m.nth + m.count;
}

void Simulator::transmitHop(int from, int to, const Seg& seg) {
    const LinkSpec& link = linkBetween(from, to);
    Fate fate = Fate::Delivered;
    std::string reason;
    SimTime delay = link.delayUs;
    if (link.jitterUs > 0)
        delay += static_cast<SimTime>(m_rng.below(static_cast<std::uint32_t>(link.jitterUs) + 1));
    bool duplicate = false;
    SimTime dupExtra = 0;
    const std::string& fromName = m_hosts[static_cast<std::size_t>(from)].name;
    const std::string& toName = m_hosts[static_cast<std::size_t>(to)].name;
    const std::string flagText = [&] {
        std::string t;
        for (const auto& f : flagNames(seg.flags))
            t += (t.empty() ? "" : "|") + f;
        return t;
    }();
    for (std::size_t i = 0; i < m_sc.faults.size() && fate == Fate::Delivered; ++i) {
        if (!faultApplies(static_cast<int>(i), from, to, seg, m_now))
            continue;
        const FaultSpec& f = m_sc.faults[i];
        if (f.action == FaultAction::Drop) {
            fate = Fate::Dropped;
            reason = "fault";
            note(NoteId::SegmentDroppedByFault,
                 {{"from", fromName}, {"to", toName}, {"flags", flagText}});
        } else if (f.action == FaultAction::Hold) {
            fate = Fate::Delayed;
            reason = "hold";
            delay += f.holdUs;
            note(NoteId::SegmentHeld, {{"from", fromName},
                                       {"to", toName},
                                       {"flags", flagText},
                                       {"ms", msText(f.holdUs)}});
        } else {
            // A network duplicate; with hold_ms the copy wanders that much longer (an "old
            // duplicate" in RFC 793's words).
            duplicate = true;
            dupExtra = f.holdUs;
        }
    }
    if (fate == Fate::Delivered && link.loss > 0 && m_rng.uniform() < link.loss) {
        fate = Fate::Lost;
        reason = "loss";
        note(NoteId::SegmentLost, {{"from", fromName}, {"to", toName}, {"flags", flagText}});
    }
    if (fate == Fate::Delivered && link.duplicate > 0 && m_rng.uniform() < link.duplicate)
        duplicate = true;
    const SimTime arrive = m_now + delay;
    int recordIndex = -1;
    if (m_cfg.recordDetail) {
        RecSegment r;
        r.tUs = m_now;
        r.from = fromName;
        r.to = toName;
        r.src = formatEndpoint(seg.srcIp, seg.sport);
        r.dst = formatEndpoint(seg.dstIp, seg.dport);
        r.flags = seg.flags;
        r.seq = seg.seq;
        r.ack = seg.ack;
        r.len = seg.len;
        r.win = seg.win;
        r.hasTs = seg.hasTs;
        r.tsval = seg.tsval;
        r.tsecr = seg.tsecr;
        r.fate = fate;
        r.arriveUs = (fate == Fate::Lost || fate == Fate::Dropped) ? -1 : arrive;
        r.reason = reason;
        r.connection = seg.conn;
        r.socket = seg.sock;
        recordIndex = static_cast<int>(m_rec.segments.size());
        m_rec.segments.push_back(r);
        if (duplicate) {
            r.reason = "dup";
            r.fate = dupExtra > 0 ? Fate::Delayed : Fate::Delivered;
            r.arriveUs = arrive + dupExtra;
            m_rec.segments.push_back(r);
        }
    }
    if (fate == Fate::Lost || fate == Fate::Dropped)
        return;
    Seg sent = seg;
    sent.record = recordIndex;
    schedule(sent, from, to, arrive);
    if (duplicate) {
        note(NoteId::SegmentDuplicated, {{"from", fromName}, {"to", toName}, {"flags", flagText}});
        sent.record = recordIndex >= 0 ? recordIndex + 1 : -1;
        schedule(sent, from, to, arrive + dupExtra);
    }
}

void Simulator::droppedByTcp(const Seg& seg, std::string_view reason) {
    if (seg.record < 0 || static_cast<std::size_t>(seg.record) >= m_rec.segments.size())
        return;
    RecSegment& r = m_rec.segments[static_cast<std::size_t>(seg.record)];
    // It reached the host (arriveUs stays); the host's TCP threw it away.
    r.fate = Fate::Dropped;
    r.reason = std::string(reason);
}

void Simulator::schedule(const Seg& seg, int from, int to, SimTime arrive) {
    Seg g = seg;
    g.fromHost = from;
    g.toHost = to;
    std::uint32_t slot;
    if (!m_inflightFree.empty()) {
        slot = m_inflightFree.back();
        m_inflightFree.pop_back();
        m_inflight[slot] = g;
    } else {
        slot = static_cast<std::uint32_t>(m_inflight.size());
        m_inflight.push_back(g);
    }
    m_queue.push(arrive, kEvArrive, slot, 0);
}

// ---------------------------------------------------------------------------------------------
// Input

void Simulator::arrive(Seg seg) {
    Host& h = m_hosts[static_cast<std::size_t>(seg.toHost)];
    if (h.isNat && seg.dstIp != h.ip) {
        natForward(h, seg);
        return;
    }
    if (h.isNat) {
        // To the NAT's public address: translate back if a mapping exists.
        for (const auto& m : h.nat) {
            if (m.publicPort == seg.dport && m.remoteIp == seg.srcIp && m.remotePort == seg.sport) {
                seg.dstIp = m.privateIp;
                seg.dport = m.privatePort;
                transmitHop(h.index, m.privateHost, seg);
                return;
            }
        }
    }
    tcpRcv(h, seg);
}

// A NAPT box: keep the private source port when that (port, destination) is free, else take the
// next free one; rewrite the address. TCP options, timestamps included, pass untouched.
void Simulator::natForward(Host& nat, Seg seg) {
    const int from = seg.fromHost;
    NatMapping* found = nullptr;
    for (auto& m : nat.nat) {
        if (m.privateHost == from && m.privatePort == seg.sport && m.remoteIp == seg.dstIp &&
            m.remotePort == seg.dport) {
            found = &m;
            break;
        }
    }
    if (found == nullptr) {
        std::uint16_t port = seg.sport;
        auto taken = [&](std::uint16_t p) {
            return std::any_of(nat.nat.begin(), nat.nat.end(), [&](const NatMapping& m) {
                return m.publicPort == p && m.remoteIp == seg.dstIp && m.remotePort == seg.dport;
            });
        };
        while (taken(port))
            port = static_cast<std::uint16_t>(port == 65535 ? 1024 : port + 1);
        nat.nat.push_back(NatMapping{from, seg.srcIp, seg.sport, port, seg.dstIp, seg.dport});
        found = &nat.nat.back();
        note(NoteId::NatTranslated, {{"host", nat.name},
                                     {"private", formatEndpoint(seg.srcIp, seg.sport)},
                                     {"public", formatEndpoint(nat.ip, port)}});
    }
    seg.srcIp = nat.ip;
    seg.sport = found->publicPort;
    const int dest = hostByIp(seg.dstIp);
    if (dest >= 0)
        transmitHop(nat.index, dest, seg);
}

// tcp_v4_rcv(): established hash (full sockets), then the timewait sockets, then listeners,
// else RST.
void Simulator::tcpRcv(Host& h, const Seg& seg) {
    count(h, Mib::InSegs);
    const FourTuple t{seg.dstIp, seg.srcIp, seg.dport, seg.sport};
    if (auto it = h.ehash.find(t); it != h.ehash.end()) {
        Socket& s = m_sockets[static_cast<std::size_t>(it->second - 1)];
        if (s.state == TcpState::SynSent)
            rcvSynSent(s, seg);
        else
            rcvSynchronized(s, seg);
        return;
    }
    if (const std::uint32_t tw = h.tw.find(t); tw != TimeWaitTable::kNone) {
        rcvTimeWait(h, tw, seg);
        return;
    }
    for (int lid : h.listeners) {
        Socket& l = m_sockets[static_cast<std::size_t>(lid - 1)];
        if (l.tuple.localPort == seg.dport &&
            (l.tuple.localIp == 0 || l.tuple.localIp == seg.dstIp)) {
            rcvListen(h, l, seg, 0);
            return;
        }
    }
    if (!(seg.flags & kRst)) {
        note(NoteId::RstNoSocket, {{"host", h.name},
                                   {"local", formatEndpoint(seg.dstIp, seg.dport)},
                                   {"remote", formatEndpoint(seg.srcIp, seg.sport)}});
        if (seg.len > 0) {
            note(NoteId::StrayDropped,
                 {{"host", h.name}, {"old", u(seg.conn)}, {"reason", "no socket"}});
        }
    }
    sendResetFor(h, seg);
}

// tcp_conn_request(): a SYN on a listener makes a SYN_RECV child and a SYN-ACK. `isn` is non-zero
// when the SYN took over a TIME_WAIT (tw_snd_nxt + 65537).
void Simulator::rcvListen(Host& h, Socket& l, const Seg& seg, std::uint32_t isn) {
    if (seg.flags & kRst)
        return;
    if (seg.flags & kAck) {
        sendResetFor(h, seg);
        return;
    }
    if (!(seg.flags & kSyn))
        return;
    // linux-4.9 tcp_tw_recycle: tcp_peer_is_proven() with the per-peer timestamp cache.
    if (m_profile == KernelProfile::Linux49 && h.sys.tcpTwRecycle && isn == 0) {
        auto it = h.peerTs.find(seg.srcIp);
        if (it != h.peerTs.end() && m_now - it->second.stamp < kPawsMsl &&
            (!seg.hasTs || static_cast<std::int32_t>(it->second.ts - seg.tsval) > 1)) {
            count(h, Mib::PAWSPassiveRejected);
            ++m_rec.outcome.synDropped;
            droppedByTcp(seg, "tw_recycle");
            note(NoteId::RecycleSynDropped,
                 {{"host", h.name},
                  {"remote", formatEndpoint(seg.srcIp, seg.sport)},
                  {"tsval", seg.hasTs ? u(seg.tsval) : std::string("none")},
                  {"cached", u(it->second.ts)}});
            return;
        }
    }
    const FourTuple t{seg.dstIp, seg.srcIp, seg.dport, seg.sport};
    Socket& c = newSocket(h, t, l.opts);  // sk_clone_lock(): the child inherits the options
    Socket& listener = m_sockets[static_cast<std::size_t>(l.id - 1)];
    c.listener = listener.id;
    c.conn = seg.conn;
    c.autoRead = true;
    c.irs = seg.seq;
    c.rcvNxt = seg.seq + 1;
    c.sndWnd = seg.win;
    c.tsOk = h.sys.tcpTimestamps != 0 && seg.hasTs;
    c.tsOffset = tsOffsetFor(h, t);
    if (c.tsOk) {
        c.tsRecent = seg.tsval;
        c.tsRecentStamp = m_now;
    }
    c.iss = isn != 0 ? isn : isnFor(h, t);
    c.sndUna = c.iss;
    c.sndNxt = c.iss + 1;
    h.ehash[t] = c.id;
    setState(c, TcpState::SynRecv, "rcv SYN");
    count(h, Mib::PassiveOpens);
    c.rtx.push_back(TxSeg{c.iss, 0, kSyn, m_now, false});
    sendSegment(c, kSyn | kAck, c.iss, 0);
    armRetransmit(c);
}

void Simulator::twAck(Host& h, TimeWaitEntry& e, bool rateLimited) {
    // tcp_timewait_check_oow_rate_limit(): at most one ACK per tcp_invalid_ratelimit.
    if (rateLimited && e.lastOowAck >= 0 &&
        m_now - e.lastOowAck < msToUs(h.sys.tcpInvalidRatelimitMs)) {
        count(h, Mib::TCPACKSkippedTimeWait);
        return;
    }
    if (rateLimited)
        e.lastOowAck = m_now;
    Seg g;
    g.fromHost = h.index;
    g.srcIp = e.tuple.localIp;
    g.dstIp = e.tuple.remoteIp;
    g.sport = e.tuple.localPort;
    g.dport = e.tuple.remotePort;
    g.flags = kAck;
    g.seq = e.sndNxt;
    g.ack = e.rcvNxt;
    const Socket& s = m_sockets[e.socketId - 1];
    g.conn = s.conn;
    g.sock = s.id;
    if (e.hasTimestamps()) {
        g.hasTs = true;
        g.tsval = tsNow(h) + tsOffsetFor(h, e.tuple);
        g.tsecr = e.tsRecent;
    }
    sendRaw(h, g);
}

// tcp_timewait_state_process() (net/ipv4/tcp_minisocks.c), both substates.
void Simulator::rcvTimeWait(Host& h, std::uint32_t handle, const Seg& seg) {
    TimeWaitEntry& e = h.tw.at(handle);
    Socket& s = m_sockets[e.socketId - 1];
    const bool rst = seg.flags & kRst;
    const bool syn = seg.flags & kSyn;
    const bool ack = seg.flags & kAck;
    // tcp_paws_reject() with window 0; an RST is accepted when ts_recent is over 60 s old.
    bool pawsReject = false;
    if (e.hasTimestamps() && seg.hasTs) {
        pawsReject = static_cast<std::int32_t>(e.tsRecent - seg.tsval) > 0 &&
                     !(rst && m_now - e.tsRecentStamp >= kPawsMsl) &&
                     m_now - e.tsRecentStamp < kPawsWrap;
    }
    const std::vector<std::pair<std::string, std::string>> who = {
        {"host", h.name},
        {"local", formatEndpoint(e.tuple.localIp, e.tuple.localPort)},
        {"remote", formatEndpoint(e.tuple.remoteIp, e.tuple.remotePort)},
        {"sock", s.label}};
    const SimTime twLen = s.twTimeout > 0 ? s.twTimeout : h.sys.timeWaitLen();
    auto restart = [&](SimTime len) {
        h.tw.reschedule(handle, m_now, len);
        endTimerRecord(s.twTimerRec, false);
        s.twTimerRec = startTimerRecord(
            s, e.substate == TcpState::TimeWait ? TimerKind::TimeWait : TimerKind::FinWait2,
            m_now + len);
    };
    if (seg.conn != s.conn && seg.len > 0)
        note(NoteId::StrayDropped,
             {{"host", h.name}, {"old", u(seg.conn)}, {"reason", "TIME_WAIT"}});

    if (e.substate == TcpState::FinWait2) {
        const bool inWindow =
            !seqBefore(seg.endSeq(), e.rcvNxt) && !seqAfter(seg.seq, e.rcvNxt + kRcvBuf);
        if (pawsReject || !inWindow) {
            if (pawsReject)
                droppedByTcp(seg, "paws");
            twAck(h, e, true);
            return;
        }
        if (rst) {
            destroy(s, "rcv RST");
            return;
        }
        if (syn && !seqBefore(seg.seq, e.rcvNxt)) {
            sendSegment(s, kRst | kAck, e.sndNxt, 0);
            destroy(s, "rcv SYN");
            return;
        }
        if (!ack)
            return;
        if (!seqAfter(seg.endSeq(), e.rcvNxt))
            return;  // duplicate ACK
        if ((seg.flags & kFin) && seg.endSeq() == e.rcvNxt + 1 && seg.len == 0) {
            // FIN in order: substate TIME_WAIT, timer to TCP_TIMEWAIT_LEN, ACK.
            e.rcvNxt = seg.endSeq();
            if (seg.hasTs && e.hasTimestamps()) {
                e.tsRecent = seg.tsval;
                e.tsRecentStamp = m_now;
            }
            e.entryStamp = m_now;  // tw_entry_stamp refreshed (6.14+)
            e.substate = TcpState::TimeWait;
            s.rcvNxt = e.rcvNxt;
            setState(s, TcpState::TimeWait, "rcv FIN");
            const SimTime len = h.sys.timeWaitLen();
            if (len == 0) {
                twAck(h, e, false);
                note(NoteId::TimeWaitSkipped, who);
                destroy(s, "closelab.time_wait_len_ms=0");
                return;
            }
            restart(s.twTimeout > 0 && m_profile == KernelProfile::Linux49 ? s.twTimeout : len);
            note(NoteId::TimeWaitEntered, [&] {
                auto a = who;
                a.emplace_back("ms", msText(len));
                return a;
            }());
            twAck(h, e, false);
            return;
        }
        // New data for a closed socket: RST (TCP_TW_RST).
        note(NoteId::FinWait2DataRst, {{"host", h.name}, {"state", "FIN_WAIT_2"}});
        sendResetFor(h, seg);
        destroy(s, "rcv data after close");
        return;
    }

    // Substate TIME_WAIT.
    if (!pawsReject && seg.seq == e.rcvNxt && (seg.seq == seg.endSeq() || rst)) {
        if (rst) {
            if (!h.sys.tcpRfc1337) {
                note(NoteId::TimeWaitRstKill, who);
                destroy(s, "rcv RST (TIME_WAIT assassination)");
            } else {
                note(NoteId::TimeWaitRstIgnored, who);
            }
            return;
        }
        if (seg.hasTs && e.hasTimestamps()) {
            e.tsRecent = seg.tsval;
            e.tsRecentStamp = m_now;
        }
        note(NoteId::TimeWaitTimerRestart, who);
        restart(twLen);
        return;
    }
    // RFC 1122 4.2.2.13: a new SYN with a higher sequence number or a newer timestamp.
    if (syn && !rst && !ack && !pawsReject &&
        (seqAfter(seg.seq, e.rcvNxt) || (seg.hasTs && e.hasTimestamps() &&
                                         static_cast<std::int32_t>(e.tsRecent - seg.tsval) < 0))) {
        std::uint32_t isn = e.sndNxt + 65535 + 2;
        if (isn == 0)
            isn = 1;
        for (int lid : h.listeners) {
            Socket& l = m_sockets[static_cast<std::size_t>(lid - 1)];
            if (l.tuple.localPort == seg.dport &&
                (l.tuple.localIp == 0 || l.tuple.localIp == seg.dstIp)) {
                auto a = who;
                a.emplace_back("isn", u(isn));
                note(NoteId::TimeWaitSynAccepted, a);
                destroy(s, "rcv SYN (new connection)");
                rcvListen(h, l, seg, isn);
                return;
            }
        }
        // No listener: fall through to the ACK.
    }
    if (!rst) {
        if (pawsReject) {
            count(h, m_profile == KernelProfile::Linux6 ? Mib::PAWSTimewait : Mib::PAWSEstab);
            droppedByTcp(seg, "paws");
            note(NoteId::PawsRejected,
                 {{"host", h.name}, {"tsval", u(seg.tsval)}, {"ts_recent", u(e.tsRecent)}});
        }
        const bool rearm = pawsReject || ack;
        if (rearm)
            restart(twLen);
        if ((seg.flags & kFin) && seg.endSeq() == e.rcvNxt) {
            note(NoteId::TimeWaitReAck, [&] {
                auto a = who;
                a.emplace_back("ms", msText(twLen));
                return a;
            }());
        } else {
            note(NoteId::TimeWaitAckOnly, [&] {
                auto a = who;
                // A token, not words: the catalogue has a whole sentence for "1" (note_catalog).
                a.emplace_back("restart", rearm ? "1" : "0");
                return a;
            }());
        }
        twAck(h, e, true);
    }
}

void Simulator::rcvSynSent(Socket& s, const Seg& seg) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    const bool ack = seg.flags & kAck;
    if (ack && seg.ack != s.sndNxt) {
        // tcp_rcv_synsent_state_process(): "ACK is unacceptable" -> reset, unless it is an RST.
        if (!(seg.flags & kRst)) {
            note(NoteId::RstUnacceptableAck, {{"host", h.name}, {"sock", s.label}});
            sendResetFor(h, seg);
        }
        return;
    }
    if (seg.flags & kRst) {
        if (!ack)
            return;
        note(NoteId::ConnectRefused,
             {{"host", h.name},
              {"sock", s.label},
              {"remote", formatEndpoint(s.tuple.remoteIp, s.tuple.remotePort)}});
        count(h, Mib::AttemptFails);
        s.err = "ECONNREFUSED";
        destroy(s, "rcv RST");
        return;
    }
    if (!(seg.flags & kSyn) || !ack)
        return;
    s.irs = seg.seq;
    s.rcvNxt = seg.seq + 1;
    s.sndUna = seg.ack;
    s.sndWnd = seg.win;
    s.tsOk = h.sys.tcpTimestamps != 0 && seg.hasTs;
    if (s.tsOk) {
        s.tsRecent = seg.tsval;
        s.tsRecentStamp = m_now;
    }
    const TxSeg syn = s.rtx.front();
    s.rtx.clear();
    if (!syn.retransmitted) {
        // tcp_rtt_estimator() first sample: srtt = m, rttvar = max(2m, rto_min).
        const SimTime m = m_now - syn.firstSent;
        s.srtt = m;
        s.rto = m + std::max(2 * m, kRtoMin);
    } else {
        s.rto = secToUs(3);  // TCP_TIMEOUT_FALLBACK: no RTT sample from the handshake
    }
    s.backoff = 0;
    s.retransmits = 0;
    s.retransStampSet = false;
    cancelTimer(s, kTRetrans);
    setState(s, TcpState::Established, "rcv SYN-ACK");
    note(NoteId::ConnectionEstablished,
         {{"host", h.name}, {"sock", s.label}, {"local", local(s)}, {"remote", remote(s)}});
    sendAck(s);
    connectDone(s, "ok", "local " + local(s));
}

void Simulator::reset(Socket& s, std::string_view cause) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    note(NoteId::RstReceived,
         {{"host", h.name}, {"sock", s.label}, {"from", std::string(stateName(s.state))}});
    if (s.state == TcpState::Established || s.state == TcpState::CloseWait)
        count(h, Mib::EstabResets);
    s.err = "ECONNRESET";
    if (s.autoRead && !s.orphan && !s.label.empty()) {
        // An application that reads as data arrives sits in recv(): tcp_reset() wakes it with
        // ECONNRESET at once (sk_error_report()), and reading the error clears it, so its next
        // send() gets EPIPE (the socket is shut down both ways).
        appEvent(h, s.label, "recv", s.err, "", s.id, m_now);
        s.err.clear();
    }
    destroy(s, cause);
}

void Simulator::rcvSynchronized(Socket& s, const Seg& seg) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    const bool rst = seg.flags & kRst;
    const bool stray = seg.conn != s.conn && seg.len > 0;
    // PAWS (tcp_validate_incoming(), tcp_paws_check() with TCP_PAWS_WINDOW = 1).
    if (s.tsOk && seg.hasTs && s.tsRecentStamp >= 0 && !rst &&
        static_cast<std::int32_t>(s.tsRecent - seg.tsval) > 1 &&
        m_now - s.tsRecentStamp < kPawsWrap) {
        count(h, Mib::PAWSEstab);
        droppedByTcp(seg, "paws");
        note(NoteId::PawsRejected,
             {{"host", h.name}, {"tsval", u(seg.tsval)}, {"ts_recent", u(s.tsRecent)}});
        if (stray)
            note(NoteId::StrayDropped,
                 {{"host", h.name}, {"old", u(seg.conn)}, {"reason", "PAWS"}});
        if (seg.len > 0 || (seg.flags & kFin))
            sendAck(s);
        return;
    }
    // tcp_sequence(): acceptable if it ends at or after rcv_nxt and starts inside the window.
    if (s.state != TcpState::SynRecv || !(seg.flags & kSyn)) {
        const bool acceptable = !seqBefore(seg.endSeq(), s.rcvNxt) &&
                                !seqAfter(seg.seq, s.rcvNxt + advertisedWindow(s));
        if (!acceptable) {
            if (!rst && (seg.flags & kSyn)) {
                // tcp_validate_incoming(): an out-of-window SYN goes to the challenge ACK.
                count(h, Mib::TCPChallengeACK);
                note(NoteId::ChallengeAck, {{"host", h.name},
                                            {"sock", s.label},
                                            {"state", std::string(stateName(s.state))}});
                sendAck(s);
                return;
            }
            if (!rst) {
                note(NoteId::OutOfWindow, {{"host", h.name}, {"seq", u(seg.seq)}});
                if (stray && seg.len > 0)
                    note(NoteId::StrayDropped,
                         {{"host", h.name}, {"old", u(seg.conn)}, {"reason", "out of window"}});
                sendAck(s);
            }
            return;
        }
    }
    if (rst) {
        // RFC 5961 3.2: only an RST exactly at rcv_nxt resets; others get a challenge ACK.
        if (seg.seq == s.rcvNxt) {
            reset(s, "rcv RST");
        } else {
            count(h, Mib::TCPChallengeACK);
            sendAck(s);
        }
        return;
    }
    if (seg.flags & kSyn) {
        if (s.state == TcpState::SynRecv && seg.seq == s.irs) {
            sendSegment(s, kSyn | kAck, s.iss, 0);  // retransmitted SYN: resend the SYN-ACK
            return;
        }
        // RFC 5961 4: a SYN in a synchronized state gets a challenge ACK.
        count(h, Mib::TCPChallengeACK);
        note(NoteId::ChallengeAck,
             {{"host", h.name}, {"sock", s.label}, {"state", std::string(stateName(s.state))}});
        sendAck(s);
        return;
    }
    if (!(seg.flags & kAck))
        return;
    // tcp_store_ts_recent(): remember the newest timestamp of an in-sequence segment.
    if (s.tsOk && seg.hasTs && !seqAfter(seg.seq, s.rcvNxt) &&
        static_cast<std::int32_t>(seg.tsval - s.tsRecent) >= 0) {
        s.tsRecent = seg.tsval;
        s.tsRecentStamp = m_now;
    }
    bool gone = false;
    ackProcessing(s, seg, gone);
    if (gone)
        return;
    // The socket may have become a timewait mini-socket (FIN_WAIT_2 orphan): hand the rest over.
    if (s.twHandle != TimeWaitTable::kNone) {
        if (seg.len > 0 || (seg.flags & kFin))
            rcvTimeWait(h, s.twHandle, seg);
        return;
    }
    dataAndFin(s, seg);
}

void Simulator::ackProcessing(Socket& s, const Seg& seg, bool& gone) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    if (s.state == TcpState::SynRecv) {
        if (seg.ack != s.sndNxt) {
            sendResetFor(h, seg);
            return;
        }
        s.sndUna = seg.ack;
        const TxSeg syn = s.rtx.front();
        s.rtx.clear();
        if (!syn.retransmitted) {
            const SimTime m = m_now - syn.firstSent;
            s.srtt = m;
            s.rto = m + std::max(2 * m, kRtoMin);
        }
        s.backoff = 0;
        s.retransmits = 0;
        cancelTimer(s, kTRetrans);
        setState(s, TcpState::Established, "rcv ACK");
        if (s.listener != 0) {
            Socket& l = m_sockets[static_cast<std::size_t>(s.listener - 1)];
            l.acceptQueue.push_back(s.id);
            deliverAccepts(l);
        }
        return;
    }
    if (seqAfter(seg.ack, s.sndNxt)) {
        sendAck(s);  // ACK of something never sent
        return;
    }
    s.sndWnd = seg.win;
    if (seqAfter(seg.ack, s.sndUna)) {
        s.sndUna = seg.ack;
        bool sampled = false;
        while (!s.rtx.empty() && !seqAfter(s.rtx.front().endSeq(), s.sndUna)) {
            const TxSeg& f = s.rtx.front();
            if (!f.retransmitted && !sampled) {
                // tcp_rtt_estimator(): srtt += (m - srtt) / 8; rto = srtt + max(2*srtt, rto_min).
                const SimTime m = m_now - f.firstSent;
                s.srtt = s.srtt < 0 ? m : s.srtt + (m - s.srtt) / 8;
                s.rto = s.srtt + std::max(2 * s.srtt, kRtoMin);
                sampled = true;
            }
            s.rtx.erase(s.rtx.begin());
        }
        s.backoff = 0;
        s.retransmits = 0;
        s.retransStampSet = false;
        s.tlpDone = false;
        if (s.rtx.empty())
            cancelTimer(s, kTRetrans);
        else
            armRetransmit(s);
    }
    trySend(s);
    const bool finAcked = s.finSent && !seqBefore(s.sndUna, s.finSeq + 1);
    if (!finAcked)
        return;
    if (s.state == TcpState::FinWait1) {
        setState(s, TcpState::FinWait2, "rcv ACK of FIN");
        note(NoteId::FinAcked, {{"host", h.name}, {"sock", s.label}});
        if (s.lingerPending) {
            finishLinger(s, false);
            if (s.twHandle != TimeWaitTable::kNone || s.state == TcpState::Closed)
                gone = s.state == TcpState::Closed;
            return;
        }
        if (s.orphan) {
            orphanFinWait2(s, (seg.flags & kFin) != 0);
            gone = s.state == TcpState::Closed;
        } else {
            note(NoteId::FinWait2NoTimer, {{"host", h.name}, {"sock", s.label}});
        }
        return;
    }
    if (s.state == TcpState::Closing) {
        timeWait(s, TcpState::TimeWait, 0);
        gone = true;
        return;
    }
    if (s.state == TcpState::LastAck) {
        note(NoteId::LastAckDone, {{"host", h.name}, {"sock", s.label}});
        destroy(s, "rcv ACK of FIN");
        gone = true;
        return;
    }
}

// FIN_WAIT_2 of an orphan: tcp_rcv_state_process() TCP_FIN_WAIT1 case and __tcp_close().
void Simulator::orphanFinWait2(Socket& s, bool finInSegment) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    if (s.opts.linger2Sec < 0) {
        count(h, Mib::TCPAbortOnData);
        destroy(s, "TCP_LINGER2 < 0");
        return;
    }
    const SimTime tmo = finTime(s, h);
    if (tmo > kTimeWaitLen) {
        note(NoteId::FinWait2LongTimeout, {{"host", h.name},
                                           {"sock", s.label},
                                           {"fin_ms", msText(tmo)},
                                           {"ms", msText(tmo - kTimeWaitLen)}});
        armTimer(s, kTKeepalive, m_now + tmo - kTimeWaitLen, TimerKind::Keepalive);
        return;
    }
    if (finInSegment) {
        // "Bad case. We could lose such FIN otherwise": keep the full socket, the FIN follows.
        armTimer(s, kTKeepalive, m_now + tmo, TimerKind::Keepalive);
        return;
    }
    timeWait(s, TcpState::FinWait2, tmo);
}

void Simulator::acceptData(Socket& s, std::uint32_t len, int conn) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    if (conn != s.conn) {
        ++m_rec.outcome.strayAccepted;
        note(NoteId::StrayAccepted,
             {{"host", h.name}, {"bytes", u(len)}, {"old", u(conn)}, {"new", u(s.conn)}});
    }
    if (s.autoRead) {
        note(NoteId::DataReceived, {{"host", h.name}, {"bytes", u(len)}, {"sock", s.label}});
    } else {
        s.rcvQueued += len;
    }
}

void Simulator::dataAndFin(Socket& s, const Seg& seg) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    const bool fin = seg.flags & kFin;
    if (seg.len == 0 && !fin)
        return;
    // Old duplicate (a retransmission we already have): immediate ACK (tcp_data_queue()).
    if (!seqAfter(seg.endSeq(), s.rcvNxt)) {
        sendAck(s);
        return;
    }
    const bool receiving = s.state == TcpState::Established || s.state == TcpState::FinWait1 ||
                           s.state == TcpState::FinWait2 || s.state == TcpState::SynRecv;
    if (!receiving)
        return;  // data after the peer's FIN: ignored
    // An orphan (application closed, RCV_SHUTDOWN) that gets new data resets the connection.
    if (s.orphan && seg.len > 0 && seqAfter(seg.seq + seg.len, s.rcvNxt)) {
        count(h, Mib::TCPAbortOnData);
        note(NoteId::FinWait2DataRst,
             {{"host", h.name}, {"state", std::string(stateName(s.state))}});
        sendSegment(s, kRst | kAck, s.sndNxt, 0);
        destroy(s, "rcv data after close");
        return;
    }
    if (seqAfter(seg.seq, s.rcvNxt)) {
        // Out of order inside the window: queue it and send a duplicate ACK.
        if (seg.conn != s.conn && seg.len > 0) {
            ++m_rec.outcome.strayAccepted;
            note(NoteId::StrayAccepted, {{"host", h.name},
                                         {"bytes", u(seg.len)},
                                         {"old", u(seg.conn)},
                                         {"new", u(s.conn)}});
        }
        s.ooo.push_back(OooSeg{seg.seq, seg.len, fin, s.conn});
        sendAck(s);
        return;
    }
    // In order (possibly overlapping what we have).
    const std::uint32_t newBytes = seg.seq + seg.len - s.rcvNxt;
    if (seg.len > 0 && newBytes > 0) {
        s.rcvNxt += newBytes;
        acceptData(s, newBytes, seg.conn);
    }
    bool finNow = fin;
    // Drain the out-of-order queue.
    for (bool progress = true; progress;) {
        progress = false;
        for (std::size_t i = 0; i < s.ooo.size(); ++i) {
            const OooSeg o = s.ooo[i];
            if (seqAfter(o.seq, s.rcvNxt))
                continue;
            const std::uint32_t end = o.seq + o.len;
            if (seqAfter(end, s.rcvNxt)) {
                const std::uint32_t n = end - s.rcvNxt;
                s.rcvNxt = end;
                acceptData(s, n, s.conn);
            }
            if (o.fin && end == s.rcvNxt)
                finNow = true;
            s.ooo.erase(s.ooo.begin() + static_cast<std::ptrdiff_t>(i));
            progress = true;
            break;
        }
    }
    if (finNow && !s.finRcvd) {
        finReceived(s);
        return;
    }
    if (seg.len > 0)
        sendAck(s);
}

// tcp_fin().
void Simulator::finReceived(Socket& s) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    s.rcvNxt += 1;
    s.finRcvd = true;
    s.ooo.clear();
    switch (s.state) {
        case TcpState::SynRecv:
        case TcpState::Established: {
            const TcpState from = s.state;
            setState(s, TcpState::CloseWait, "rcv FIN");
            note(NoteId::FinReceived, {{"host", h.name},
                                       {"sock", s.label},
                                       {"from", std::string(stateName(from))},
                                       {"to", "CLOSE_WAIT"}});
            if (s.closeOnEof) {
                // The application reads EOF and closes at once: the FIN carries the ACK.
                const std::string label = s.label;
                appClose(h, s, label);
                return;
            }
            // The ACK of a FIN goes out as a delayed ACK (inet_csk_schedule_ack()).
            armTimer(s, kTDelAck, m_now + kDelAckMin, TimerKind::Retransmit);
            s.delAckPending = true;
            return;
        }
        case TcpState::FinWait1:
            setState(s, TcpState::Closing, "rcv FIN");
            note(NoteId::SimultaneousClose, {{"host", h.name}, {"sock", s.label}});
            sendAck(s);
            return;
        case TcpState::FinWait2:
            sendAck(s);
            timeWait(s, TcpState::TimeWait, 0);
            return;
        default:
            return;
    }
}

// tcp_time_wait(): replace the full socket by a timewait mini-socket (or nothing, on overflow).
void Simulator::timeWait(Socket& s, TcpState state, SimTime tmo) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    const std::vector<std::pair<std::string, std::string>> who = {
        {"host", h.name}, {"local", local(s)}, {"remote", remote(s)}, {"sock", s.label}};
    if (state == TcpState::TimeWait && h.sys.timeWaitLen() == 0) {
        note(NoteId::TimeWaitSkipped, who);
        setState(s, TcpState::TimeWait, "rcv FIN");
        destroy(s, "closelab.time_wait_len_ms=0");
        return;
    }
    if (static_cast<std::int64_t>(h.tw.size()) >= h.sys.tcpMaxTwBuckets) {
        count(h, Mib::TCPTimeWaitOverflow);
        auto a = who;
        a.emplace_back("max", u(h.sys.tcpMaxTwBuckets));
        a.emplace_back("state", std::string(stateName(state)));
        note(NoteId::TimeWaitOverflow, a);
        destroy(s, "tcp_max_tw_buckets");
        return;
    }
    const SimTime rto35 = (s.rto << 2) - (s.rto >> 1);
    bool recycleOk = false;
    if (m_profile == KernelProfile::Linux49 && h.sys.tcpTwRecycle && s.tsRecentStamp >= 0) {
        // tcp_remember_stamp(): update the per-peer cache if newer or the entry is stale.
        PeerStamp& p = h.peerTs[s.tuple.remoteIp];
        if (p.stamp == 0 || m_now - p.stamp >= kPawsMsl ||
            static_cast<std::int32_t>(p.ts - s.tsRecent) <= 0) {
            p.ts = s.tsRecent;
            p.stamp = s.tsRecentStamp > 0 ? s.tsRecentStamp : 1;
        }
        recycleOk = true;
    }
    SimTime timeo;
    if (state == TcpState::TimeWait) {
        timeo = recycleOk ? rto35 : h.sys.timeWaitLen();
        s.twTimeout = recycleOk ? rto35 : 0;
    } else {
        timeo = std::max(tmo, rto35);
        s.twTimeout = recycleOk ? rto35 : 0;
    }
    cancelAllTimers(s);
    TimeWaitEntry e;
    e.tuple = s.tuple;
    e.sndNxt = s.sndNxt;
    e.rcvNxt = s.rcvNxt;
    e.tsRecent = s.tsRecent;
    e.tsRecentStamp = s.tsOk ? s.tsRecentStamp : -1;
    e.entryStamp = m_now;
    e.socketId = static_cast<std::uint32_t>(s.id);
    e.substate = state;
    e.reuseAddr = s.opts.reuseAddr;
    e.reusePort = s.opts.reusePort;
    e.shortLived = timeo <= kTwKillThreshold;
    auto it = h.ehash.find(s.tuple);
    if (it != h.ehash.end() && it->second == s.id)
        h.ehash.erase(it);
    s.twHandle = h.tw.insert(e, m_now, timeo);
    // __inet_twsk_schedule(): counted once, as TWKilled when the timer is 4 s or less.
    count(h, e.shortLived ? Mib::TWKilled : Mib::TW);
    s.twTimerRec = startTimerRecord(
        s, state == TcpState::TimeWait ? TimerKind::TimeWait : TimerKind::FinWait2, m_now + timeo);
    if (state == TcpState::TimeWait) {
        setState(s, TcpState::TimeWait,
                 s.state == TcpState::Closing ? "rcv ACK of FIN" : "rcv FIN");
        auto a = who;
        if (recycleOk) {
            a.emplace_back("ms", msText(timeo));
            a.emplace_back("ts", u(s.tsRecent));
            a.emplace_back("peer", formatIpv4(s.tuple.remoteIp));
            note(NoteId::TimeWaitRecycleShort, a);
        } else {
            a.emplace_back("ms", msText(timeo));
            note(NoteId::TimeWaitEntered, a);
        }
    } else {
        auto a = who;
        a.emplace_back("ms", msText(timeo));
        note(NoteId::FinWait2Orphan, a);
    }
}

void Simulator::expireTimeWait(Host& h, const TimeWaitEntry& e) {
    Socket& s = m_sockets[e.socketId - 1];
    const std::vector<std::pair<std::string, std::string>> args = {
        {"host", h.name},
        {"local", local(s)},
        {"remote", remote(s)},
        {"sock", s.label},
        {"ms", msText(m_now - e.entryStamp)}};
    note(e.substate == TcpState::FinWait2 ? NoteId::FinWait2Expired : NoteId::TimeWaitExpired,
         args);
    endTimerRecord(s.twTimerRec, true);
    s.twHandle = TimeWaitTable::kNone;  // the table erases the entry itself
    setState(s, TcpState::Closed, "timer");
    release(s);
}

void Simulator::finishLinger(Socket& s, bool timedOut) {
    Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    if (!s.lingerPending)
        return;
    s.lingerPending = false;
    cancelTimer(s, kTLinger);
    if (timedOut)
        note(NoteId::LingerTimeout,
             {{"host", h.name}, {"sock", s.label}, {"ms", msText(m_now - s.lingerCalled)}});
    appEvent(h, s.label, "close", "ok", "returned after " + msText(m_now - s.lingerCalled) + " ms",
             s.id, m_now);
    if (s.state == TcpState::Closed)
        return;
    // __tcp_close() after sk_stream_wait_close(): now the socket is an orphan.
    s.orphan = true;
    if (s.state == TcpState::FinWait2)
        orphanFinWait2(s, false);
}

// ---------------------------------------------------------------------------------------------
// Application

SocketOptions Simulator::socketOptionsFor(const Host& h, const AppCall& c) const {
    SocketOptions o = h.sockOpts;
    for (const auto& so : c.sockOptions)
        o.apply(so.name, parseOptionValue(so.name, so.value, m_profile));
    return o;
}

void Simulator::connectDone(Socket& s, const std::string& result, const std::string& detail) {
    if (!s.connectPending)
        return;
    s.connectPending = false;
    const Host& h = m_hosts[static_cast<std::size_t>(s.host)];
    appEvent(h, s.label, "connect", result, detail, s.id, m_now);
    if (result != "ok")
        s.err.clear();
}

// inet_bind_conflict(): every owner of the port (full sockets, TIME_WAIT and FIN_WAIT_2
// mini-sockets) must agree: both SO_REUSEADDR and the old one not listening, or both
// SO_REUSEPORT (same user; a TIME_WAIT always qualifies).
bool Simulator::bindConflict(Host& h, std::uint16_t port, const SocketOptions& opts,
                             bool listening) {
    (void)listening;
    auto conflictWith = [&](bool reuse2, bool reusePort2, bool isListen2, const char* kind,
                            TcpState state2) {
        if (opts.reuseAddr && reuse2 && !isListen2)
            return false;
        if (opts.reusePort && reusePort2)
            return false;
        note(NoteId::BindInUse, {{"host", h.name},
                                 {"port", u(port)},
                                 {"owner", kind},
                                 {"state", std::string(stateName(state2))},
                                 {"old_reuseaddr", reuse2 ? "1" : "0"},
                                 {"old_reuseport", reusePort2 ? "1" : "0"},
                                 {"new_reuseaddr", opts.reuseAddr ? "1" : "0"},
                                 {"new_reuseport", opts.reusePort ? "1" : "0"}});
        return true;
    };
    for (const Socket& o : m_sockets) {
        if (o.host != h.index || o.released || o.state == TcpState::Closed ||
            o.tuple.localPort != port)
            continue;
        if (o.twHandle != TimeWaitTable::kNone) {
            const TimeWaitEntry& e = h.tw.at(o.twHandle);
            if (conflictWith(e.reuseAddr, e.reusePort, false, "timewait", o.state))
                return true;
            continue;
        }
        if (conflictWith(o.opts.reuseAddr, o.opts.reusePort, o.state == TcpState::Listen, "a",
                         o.state))
            return true;
    }
    return false;
}

void Simulator::runApp(const AppCall& c) {
    Host& h = m_hosts[static_cast<std::size_t>(hostByName(c.host))];
    switch (c.call) {
        case AppCallKind::Listen:
            appListen(h, c);
            return;
        case AppCallKind::Connect:
            appConnect(h, c);
            return;
        case AppCallKind::Accept:
            appAccept(h, c);
            return;
        case AppCallKind::Send:
            appSend(h, c);
            return;
        case AppCallKind::Recv:
            appRecv(h, c);
            return;
        case AppCallKind::Shutdown:
            appShutdown(h, c);
            return;
        case AppCallKind::Close: {
            auto it = h.labels.find(c.sock);
            if (it == h.labels.end()) {
                appEvent(h, c.sock, "close", "EBADF", "", 0, m_now);
                return;
            }
            appClose(h, m_sockets[static_cast<std::size_t>(it->second - 1)], c.sock);
            return;
        }
    }
}

void Simulator::appListen(Host& h, const AppCall& c) {
    const SocketOptions opts = socketOptionsFor(h, c);
    if (bindConflict(h, c.port, opts, true)) {
        appEvent(h, c.sock, "listen", "EADDRINUSE", "bind port " + u(c.port), 0, m_now);
        return;
    }
    Socket& s = newSocket(h, FourTuple{h.ip, 0, c.port, 0}, opts);
    s.label = c.sock;
    s.explicitBind = true;
    ++h.explicitPortRefs[c.port];
    h.listeners.push_back(s.id);
    h.labels[c.sock] = s.id;
    setState(s, TcpState::Listen, "listen()");
    note(NoteId::Listening, {{"host", h.name}, {"sock", c.sock}, {"local", local(s)}});
    appEvent(h, c.sock, "listen", "ok", "port " + u(c.port), s.id, m_now);
}

void Simulator::appConnect(Host& h, const AppCall& c) {
    const Host& peer = m_hosts[static_cast<std::size_t>(hostByName(c.to))];
    const SocketOptions opts = socketOptionsFor(h, c);
    const Ipv4 daddr = peer.ip;
    const Ipv4 saddr = h.ip;
    std::uint16_t port = 0;
    std::uint32_t isn = 0;
    std::uint32_t inheritTs = 0;
    SimTime inheritStamp = -1;
    bool bound = false;
    const std::string remoteText = formatEndpoint(daddr, c.port);
    auto takeOver = [&](std::uint32_t handle, const char* why) {
        TimeWaitEntry& e = h.tw.at(handle);
        Socket& old = m_sockets[e.socketId - 1];
        isn = e.sndNxt + 65535 + 2;
        if (isn == 0)
            isn = 1;
        inheritTs = e.tsRecent;
        inheritStamp = e.tsRecentStamp;
        count(h, Mib::TWRecycled);
        const std::string delay =
            m_profile == KernelProfile::Linux49 ? std::string("1000") : u(h.sys.tcpTwReuseDelayMs);
        note(
            std::string_view(why) == "bind" ? NoteId::TimeWaitReusedByBind : NoteId::TimeWaitReused,
            {{"host", h.name},
             {"port", u(old.tuple.localPort)},
             {"local", local(old)},
             {"remote", remote(old)},
             {"age_ms", msText(m_now - e.entryStamp)},
             {"delay_ms", delay},
             {"isn", u(isn)},
             {"reason", why}});
        destroy(old, "connect() reuses TIME_WAIT");
    };
    if (c.localPort != 0) {
        // bind() then connect(): __inet_hash_connect() with the port already owned calls
        // check_established(twp = NULL), which reuses a TIME_WAIT whenever it saw timestamps,
        // regardless of tcp_tw_reuse and its delay (tcp_twsk_unique()).
        if (bindConflict(h, c.localPort, opts, false)) {
            appEvent(h, c.sock, "connect", "EADDRINUSE", "bind port " + u(c.localPort), 0, m_now);
            return;
        }
        port = c.localPort;
        bound = true;
        const FourTuple t{saddr, daddr, port, c.port};
        if (h.ehash.count(t)) {
            appEvent(h, c.sock, "connect", "EADDRNOTAVAIL", "4-tuple in use", 0, m_now);
            return;
        }
        if (const std::uint32_t tw = h.tw.find(t); tw != TimeWaitTable::kNone) {
            const TimeWaitEntry& e = h.tw.at(tw);
            if (!e.hasTimestamps() || e.substate == TcpState::FinWait2) {
                note(NoteId::TimeWaitReuseNoTs, {{"host", h.name},
                                                 {"local", formatEndpoint(saddr, port)},
                                                 {"remote", remoteText}});
                appEvent(h, c.sock, "connect", "EADDRNOTAVAIL",
                         "4-tuple held by " + std::string(stateName(e.substate)), 0, m_now);
                return;
            }
            takeOver(tw, "bind");
        }
    } else {
        // tcp_twsk_unique() for the ephemeral search (twp != NULL).
        int tooYoung = 0;
        int noTs = 0;
        int off = 0;
        int inTw = 0;
        std::uint32_t reuseHandle = TimeWaitTable::kNone;
        const std::uint8_t reuse = h.sys.tcpTwReuse;
        auto check = [&](std::uint16_t p) {
            if (h.explicitPortRefs.count(p))
                return PortCheck::Busy;  // bind() owns it (tb->fastreuse >= 0)
            const FourTuple t{saddr, daddr, p, c.port};
            if (h.ehash.count(t))
                return PortCheck::Busy;
            const std::uint32_t tw = h.tw.find(t);
            if (tw == TimeWaitTable::kNone)
                return PortCheck::Free;
            ++inTw;
            const TimeWaitEntry& e = h.tw.at(tw);
            int r = reuse;
            if (e.substate == TcpState::FinWait2)
                r = 0;
            if (r == 2 && !(isLoopback(daddr) || isLoopback(saddr)))
                r = 0;
            if (!e.hasTimestamps()) {
                ++noTs;
                return PortCheck::Busy;
            }
            if (r == 0) {
                ++off;
                return PortCheck::Busy;
            }
            bool oldEnough;
            if (m_profile == KernelProfile::Linux49) {
                // 4.9: get_seconds() - tw_ts_recent_stamp > 1.
                oldEnough = m_now / kUsPerSec - e.tsRecentStamp / kUsPerSec > 1;
            } else {
                oldEnough = m_now >= e.entryStamp + msToUs(h.sys.tcpTwReuseDelayMs);
            }
            if (!oldEnough) {
                ++tooYoung;
                return PortCheck::Busy;
            }
            reuseHandle = tw;
            return PortCheck::Reuse;
        };
        const auto choice = h.ports.connectPort(h.sys, saddr, daddr, c.port, check);
        if (!choice) {
            const std::uint32_t ports =
                static_cast<std::uint32_t>(h.sys.localPortHigh - h.sys.localPortLow + 1);
            if (noTs > 0) {
                note(NoteId::TimeWaitReuseNoTs, {{"host", h.name},
                                                 {"local", formatIpv4(saddr) + ":*"},
                                                 {"remote", remoteText}});
            } else if (off > 0) {
                note(NoteId::TimeWaitReuseOff,
                     {{"host", h.name}, {"value", u(reuse)}, {"remote", remoteText}});
            } else if (tooYoung > 0) {
                note(NoteId::TimeWaitReuseTooYoung, {{"host", h.name},
                                                     {"local", formatIpv4(saddr) + ":*"},
                                                     {"remote", remoteText},
                                                     {"age_ms", "<" + u(h.sys.tcpTwReuseDelayMs)},
                                                     {"delay_ms", u(h.sys.tcpTwReuseDelayMs)}});
            }
            note(NoteId::PortsExhausted,
                 {{"host", h.name},
                  {"remote", remoteText},
                  {"ports", u(ports)},
                  {"range", u(h.sys.localPortLow) + "-" + u(h.sys.localPortHigh)},
                  {"time_wait", u(inTw)}});
            appEvent(h, c.sock, "connect", "EADDRNOTAVAIL", "", 0, m_now);
            return;
        }
        port = choice->port;
        if (choice->reusedTimeWait)
            takeOver(reuseHandle, "tcp_tw_reuse");
        note(NoteId::PortChosen, {{"host", h.name},
                                  {"port", u(port)},
                                  {"parity", port % 2 == 0 ? "even" : "odd"},
                                  {"remote", remoteText},
                                  {"probes", u(choice->probes)}});
    }
    const FourTuple t{saddr, daddr, port, c.port};
    Socket& s = newSocket(h, t, opts);
    s.label = c.sock;
    s.explicitBind = bound;
    if (bound)
        ++h.explicitPortRefs[port];
    s.autoRead = c.autoRead;
    s.closeOnEof = c.closeOnEof;
    s.conn = ++m_connCounter;
    s.iss = isn != 0 ? isn : isnFor(h, t);
    s.sndUna = s.iss;
    s.sndNxt = s.iss + 1;
    s.tsOffset = tsOffsetFor(h, t);
    if (inheritStamp >= 0) {
        s.tsRecent = inheritTs;
        s.tsRecentStamp = inheritStamp;
    }
    s.connectPending = true;
    s.connectCalled = m_now;
    h.labels[c.sock] = s.id;
    h.ehash[t] = s.id;
    setState(s, TcpState::SynSent, "connect()");
    count(h, Mib::ActiveOpens);
    note(NoteId::ConnectStarted, {{"host", h.name},
                                  {"sock", c.sock},
                                  {"local", local(s)},
                                  {"remote", remoteText},
                                  {"isn", u(s.iss)}});
    s.rtx.push_back(TxSeg{s.iss, 0, kSyn, m_now, false});
    sendSegment(s, kSyn, s.iss, 0);
    armRetransmit(s);
}

void Simulator::deliverAccepts(Socket& l) {
    Host& h = m_hosts[static_cast<std::size_t>(l.host)];
    while (!l.pendingAccepts.empty() && !l.acceptQueue.empty()) {
        const int childId = l.acceptQueue.front();
        l.acceptQueue.erase(l.acceptQueue.begin());
        Socket& c = m_sockets[static_cast<std::size_t>(childId - 1)];
        const auto [label, flags] = l.pendingAccepts.front();
        l.pendingAccepts.erase(l.pendingAccepts.begin());
        l.pendingAcceptTimes.erase(l.pendingAcceptTimes.begin());
        c.accepted = true;
        c.label = label;
        c.autoRead = flags.first;
        c.closeOnEof = flags.second;
        h.labels[label] = c.id;
        note(NoteId::Accepted, {{"host", h.name}, {"sock", label}, {"remote", remote(c)}});
        appEvent(h, label, "accept", "ok", "from " + remote(c), c.id, m_now);
        // A FIN that arrived before accept(): the application reads EOF now.
        if (c.closeOnEof && c.state == TcpState::CloseWait)
            appClose(h, c, label);
    }
}

void Simulator::appAccept(Host& h, const AppCall& c) {
    auto it = h.labels.find(c.listener);
    if (it == h.labels.end()) {
        appEvent(h, c.sock, "accept", "EBADF", "", 0, m_now);
        return;
    }
    Socket& l = m_sockets[static_cast<std::size_t>(it->second - 1)];
    if (l.state != TcpState::Listen) {
        appEvent(h, c.sock, "accept", "EINVAL", "", 0, m_now);
        return;
    }
    l.pendingAccepts.push_back({c.sock, {c.autoRead, c.closeOnEof}});
    l.pendingAcceptTimes.push_back(m_now);
    deliverAccepts(l);
}

void Simulator::appSend(Host& h, const AppCall& c) {
    auto it = h.labels.find(c.sock);
    if (it == h.labels.end()) {
        // The socket never came to be (its connect() failed or accept() has not returned).
        appEvent(h, c.sock, "send", "EBADF", "", 0, m_now);
        return;
    }
    Socket& s = m_sockets[static_cast<std::size_t>(it->second - 1)];
    if (!s.err.empty()) {
        const std::string e = s.err;
        s.err = e == "ECONNRESET" ? "EPIPE" : e;
        appEvent(h, c.sock, "send", e, "", s.id, m_now);
        return;
    }
    if (s.state != TcpState::Established && s.state != TcpState::CloseWait) {
        appEvent(h, c.sock, "send", s.state == TcpState::SynSent ? "EAGAIN" : "EPIPE", "", s.id,
                 m_now);
        return;
    }
    // The bytes join the send queue; what the peer's window allows goes out now (one segment
    // per send() call, split only by the window, as if TSO/GRO were on).
    std::uint64_t left = c.bytes;
    while (left > 0) {
        const auto chunk = static_cast<std::uint32_t>(std::min<std::uint64_t>(left, 0x40000000));
        s.unsentChunks.push_back(chunk);
        left -= chunk;
    }
    s.unsent += c.bytes;
    trySend(s);
    appEvent(h, c.sock, "send", "ok",
             u(static_cast<std::int64_t>(c.bytes)) + (c.bytes == 1 ? " byte" : " bytes"), s.id,
             m_now);
}

void Simulator::trySend(Socket& s) {
    bool sent = false;
    while (s.unsent > 0) {
        const std::int64_t inFlight = static_cast<std::uint32_t>(s.sndNxt - s.sndUna);
        const std::int64_t room = static_cast<std::int64_t>(s.sndWnd) - inFlight;
        if (room <= 0)
            break;
        std::uint32_t& front = s.unsentChunks.front();
        const auto len = static_cast<std::uint32_t>(std::min<std::int64_t>(front, room));
        s.rtx.push_back(TxSeg{s.sndNxt, len, kPsh, m_now, false});
        sendSegment(s, kPsh | kAck, s.sndNxt, len);
        s.sndNxt += len;
        s.unsent -= len;
        front -= len;
        if (front == 0)
            s.unsentChunks.erase(s.unsentChunks.begin());
        sent = true;
    }
    if (s.unsent == 0 && s.finPending) {
        sendFin(s);
        return;
    }
    if (sent && s.timerRec[kTRetrans] < 0 && !s.tlpArmed)
        armRetransmit(s);
}

// tcp_send_fin(): the FIN takes one sequence number after the data.
void Simulator::sendFin(Socket& s) {
    s.finPending = false;
    s.finSent = true;
    s.finSeq = s.sndNxt;
    s.rtx.push_back(TxSeg{s.sndNxt, 0, kFin, m_now, false});
    sendSegment(s, kFin | kAck, s.sndNxt, 0);
    s.sndNxt += 1;
    if (s.rtx.size() == 1 || (s.timerRec[kTRetrans] < 0 && !s.tlpArmed))
        armRetransmit(s);
}

void Simulator::appRecv(Host& h, const AppCall& c) {
    auto it = h.labels.find(c.sock);
    if (it == h.labels.end()) {
        // The socket never came to be (its connect() failed or accept() has not returned).
        appEvent(h, c.sock, "recv", "EBADF", "", 0, m_now);
        return;
    }
    Socket& s = m_sockets[static_cast<std::size_t>(it->second - 1)];
    if (s.rcvQueued > 0) {
        const std::uint64_t n = c.bytes == 0 ? s.rcvQueued : std::min(c.bytes, s.rcvQueued);
        const std::uint32_t before = advertisedWindow(s);
        s.rcvQueued -= n;
        appEvent(h, c.sock, "recv", "ok",
                 "read " + u(static_cast<std::int64_t>(n)) + (n == 1 ? " byte" : " bytes"), s.id,
                 m_now);
        // Reading opened the window: tell the peer (tcp_cleanup_rbuf() window update).
        if (before < kRcvBuf / 2 && s.state != TcpState::Closed)
            sendAck(s);
        return;
    }
    if (!s.err.empty()) {
        const std::string e = s.err;
        s.err.clear();
        appEvent(h, c.sock, "recv", e, "", s.id, m_now);
        return;
    }
    if (s.finRcvd || s.state == TcpState::Closed) {
        appEvent(h, c.sock, "recv", "ok", "EOF", s.id, m_now);
        return;
    }
    appEvent(h, c.sock, "recv", "EAGAIN", "", s.id, m_now);
}

void Simulator::appShutdown(Host& h, const AppCall& c) {
    auto it = h.labels.find(c.sock);
    if (it == h.labels.end()) {
        // The socket never came to be (its connect() failed or accept() has not returned).
        appEvent(h, c.sock, "shutdown", "EBADF", "", 0, m_now);
        return;
    }
    Socket& s = m_sockets[static_cast<std::size_t>(it->second - 1)];
    const TcpState from = s.state;
    if (from != TcpState::Established && from != TcpState::CloseWait) {
        appEvent(h, c.sock, "shutdown", s.state == TcpState::Closed ? "ENOTCONN" : "ok", "", s.id,
                 m_now);
        return;
    }
    const TcpState to = from == TcpState::Established ? TcpState::FinWait1 : TcpState::LastAck;
    setState(s, to, "shutdown(SHUT_WR)");
    note(NoteId::ShutdownWrite, {{"host", h.name},
                                 {"sock", c.sock},
                                 {"from", std::string(stateName(from))},
                                 {"to", std::string(stateName(to))}});
    if (s.unsent > 0)
        s.finPending = true;
    else
        sendFin(s);
    appEvent(h, c.sock, "shutdown", "ok", "", s.id, m_now);
}

// __tcp_close(): unread data -> RST; SO_LINGER {1,0} -> tcp_disconnect(); else the FIN.
void Simulator::appClose(Host& h, Socket& s, const std::string& label) {
    if (s.state == TcpState::Listen) {
        // inet_csk_listen_stop(): connections not yet accepted are reset.
        std::vector<int> pending = s.acceptQueue;
        for (const Socket& o : m_sockets) {
            if (o.listener == s.id && !o.accepted && o.state == TcpState::SynRecv)
                pending.push_back(o.id);
        }
        for (int id : pending) {
            Socket& c = m_sockets[static_cast<std::size_t>(id - 1)];
            if (c.state == TcpState::Closed)
                continue;
            sendSegment(c, kRst | kAck, c.sndNxt, 0);
            destroy(c, "listener closed");
        }
        destroy(s, "close()");
        appEvent(h, label, "close", "ok", "", s.id, m_now);
        return;
    }
    if (s.state == TcpState::Closed || s.orphan) {
        appEvent(h, label, "close", "ok", "", s.id, m_now);
        return;
    }
    const TcpState from = s.state;
    if (s.rcvQueued > 0) {
        const std::uint64_t unread = s.rcvQueued;
        count(h, Mib::TCPAbortOnClose);
        m_rec.outcome.bytesDiscarded += static_cast<std::int64_t>(unread);
        note(NoteId::RstUnreadData,
             {{"host", h.name}, {"sock", label}, {"bytes", u(static_cast<std::int64_t>(unread))}});
        s.rcvQueued = 0;
        sendSegment(s, kRst | kAck, s.sndNxt, 0);
        destroy(s, "close() with unread data");
        appEvent(h, label, "close", "ok", "RST", s.id, m_now);
        return;
    }
    if (s.opts.lingerOn && s.opts.lingerSec == 0) {
        // tcp_disconnect(): RST from the synchronized states (tcp_need_reset()), queues purged.
        // The unsent part of the send queue is lost (what SIOCOUTQNSD reports).
        const auto unsent = static_cast<std::int64_t>(s.unsent);
        count(h, Mib::TCPAbortOnData);
        m_rec.outcome.bytesDiscarded += unsent;
        note(NoteId::LingerZeroRst, {{"host", h.name}, {"sock", label}, {"bytes", u(unsent)}});
        const bool needReset = from == TcpState::Established || from == TcpState::CloseWait ||
                               from == TcpState::FinWait1 || from == TcpState::FinWait2 ||
                               from == TcpState::SynRecv;
        if (needReset)
            sendSegment(s, kRst | kAck, s.sndNxt, 0);
        destroy(s, "close() with SO_LINGER {1,0}");
        appEvent(h, label, "close", "ok", "RST", s.id, m_now);
        return;
    }
    // tcp_close_state().
    switch (from) {
        case TcpState::SynSent:
            destroy(s, "close()");
            appEvent(h, label, "close", "ok", "", s.id, m_now);
            return;
        case TcpState::Established:
        case TcpState::SynRecv:
        case TcpState::CloseWait: {
            const TcpState to =
                from == TcpState::CloseWait ? TcpState::LastAck : TcpState::FinWait1;
            setState(s, to, "close()");
            note(to == TcpState::LastAck ? NoteId::ClosePassive : NoteId::CloseActive,
                 {{"host", h.name}, {"sock", label}, {"from", std::string(stateName(from))}});
            if (s.unsent > 0)
                s.finPending = true;  // the FIN is queued behind the data
            else
                sendFin(s);
            break;
        }
        default:
            break;  // FIN_WAIT_1/2, CLOSING, LAST_ACK: state unchanged, socket becomes orphan
    }
    if (s.opts.lingerOn && s.opts.lingerSec > 0 &&
        (s.state == TcpState::FinWait1 || s.state == TcpState::Closing ||
         s.state == TcpState::LastAck)) {
        // sk_stream_wait_close(): block until the FIN is acknowledged or the linger time passes.
        s.lingerPending = true;
        s.lingerCalled = m_now;
        note(NoteId::LingerWait,
             {{"host", h.name}, {"sock", label}, {"secs", u(s.opts.lingerSec)}});
        armTimer(s, kTLinger, m_now + secToUs(s.opts.lingerSec), TimerKind::Linger);
        return;
    }
    s.orphan = true;
    appEvent(h, label, "close", "ok", "", s.id, m_now);
    if (s.state == TcpState::FinWait2 && s.twHandle == TimeWaitTable::kNone)
        orphanFinWait2(s, false);
}

// ---------------------------------------------------------------------------------------------

void Simulator::finish() {
    for (auto& h : m_hosts) {
        auto& rows = m_rec.finalSockets[static_cast<std::size_t>(h.index)];
        for (const Socket& s : m_sockets) {
            if (s.host != h.index || s.state == TcpState::Closed)
                continue;
            SocketRow r;
            r.host = h.name;
            r.socket = s.id;
            r.state = s.state;
            r.local = local(s);
            r.remote = remote(s);
            r.connection = s.conn;
            r.recvQ =
                static_cast<std::uint32_t>(s.rcvQueued + (s.state == TcpState::CloseWait ? 1 : 0));
            std::uint64_t queued = s.unsent;
            for (const auto& t : s.rtx)
                queued += t.len;
            r.sendQ = static_cast<std::uint32_t>(std::min<std::uint64_t>(queued, 0xFFFFFFFFu));
            if (s.twHandle != TimeWaitTable::kNone) {
                const SimTime left = h.tw.at(s.twHandle).expires - m_now;
                r.timer = "timewait," + msText(left) + "ms";
                r.recvQ = 0;
            } else if (s.timerRec[kTKeepalive] >= 0 || s.timerGen[kTKeepalive] > 0) {
                if (s.timerRec[kTKeepalive] >= 0)
                    r.timer =
                        "keepalive," +
                        msText(
                            m_rec.timers[static_cast<std::size_t>(s.timerRec[kTKeepalive])].endUs -
                            m_now) +
                        "ms";
            }
            if (s.state == TcpState::CloseWait) {
                note(NoteId::CloseWaitStays, {{"host", h.name},
                                              {"sock", s.label},
                                              {"local", local(s)},
                                              {"remote", remote(s)},
                                              {"ms", msText(m_now - s.stateSince)}});
            }
            rows.push_back(std::move(r));
        }
        m_rec.counters[static_cast<std::size_t>(h.index)] = h.counters;
    }
    // Open timer records end at the end of the run.
    for (auto& t : m_rec.timers) {
        if (t.endUs > m_now && !t.fired)
            t.endUs = std::max(t.endUs, m_now);
    }
}

Recording Simulator::run() {
    m_rec.source = "engine";
    m_rec.scenario = m_sc.id;
    m_rec.seed = m_cfg.seed;
    buildHosts();
    m_rec.kernel = m_profile;
    m_faultMatches.assign(m_sc.faults.size(), 0);
    for (std::size_t i = 0; i < m_sc.timeline.size(); ++i)
        m_queue.push(m_sc.timeline[i].t, kEvApp, static_cast<std::uint32_t>(i), 0);
    const SimTime end = m_sc.durationUs;
    for (;;) {
        // The next thing to happen: a queued event or a timewait expiry (TimeWaitTable FIFOs).
        SimTime twNext = -1;
        int twHost = -1;
        for (auto& h : m_hosts) {
            const SimTime t = h.tw.nextExpiry();
            if (t >= 0 && (twNext < 0 || t < twNext)) {
                twNext = t;
                twHost = h.index;
            }
        }
        const SimTime evNext = m_queue.empty() ? -1 : m_queue.nextTime();
        if (twNext >= 0 && (evNext < 0 || twNext <= evNext)) {
            if (twNext > end)
                break;
            m_now = twNext;
            Host& h = m_hosts[static_cast<std::size_t>(twHost)];
            h.tw.expire(m_now, [&](const TimeWaitEntry& e) { expireTimeWait(h, e); });
            continue;
        }
        if (evNext < 0 || evNext > end)
            break;
        const Event ev = m_queue.pop();
        m_now = ev.t;
        switch (ev.kind) {
            case kEvApp:
                runApp(m_sc.timeline[ev.target]);
                break;
            case kEvArrive: {
                const Seg seg = m_inflight[ev.target];
                m_inflightFree.push_back(ev.target);
                arrive(seg);
                break;
            }
            case kEvTimer:
                onTimer(static_cast<int>(ev.target), ev.data);
                break;
            default:
                break;
        }
    }
    m_now = end;
    m_rec.endUs = end;
    finish();
    return std::move(m_rec);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> effectiveOptions(const Scenario& scenario,
                                                                  const RunConfig& config,
                                                                  std::string_view host) {
    const KernelProfile profile = config.kernel.value_or(scenario.kernel);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& spec : optionRegistry()) {
        if (!optionInProfile(spec, profile))
            continue;
        out.emplace_back(std::string(spec.name), defaultValue(spec, profile));
    }
    auto apply = [&](const OptionOverride& o) {
        if (!o.host.empty() && o.host != host)
            return;
        const OptionValue v = parseOptionValue(o.name, o.value, profile);
        for (auto& [name, value] : out) {
            if (name == o.name)
                value = v.text;
        }
    };
    for (const auto& o : scenario.options) {
        // A scenario option the chosen profile lacks is an error that says why (e.g. running
        // nat-tw-recycle with --kernel linux-6: tcp_tw_recycle was removed in 4.12).
        apply(o);
    }
    for (const auto& o : config.overrides)
        apply(o);
    return out;
}

Recording simulate(const Scenario& scenario, const RunConfig& config) {
    Simulator sim(scenario, config);
    Recording rec = sim.run();
    rec.beats = resolveBeats(scenario, rec);
    return rec;
}

}  // namespace closelab::core
