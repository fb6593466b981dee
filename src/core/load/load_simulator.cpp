// The load model's event loop. Rules cite the kernel functions they follow
// (shared/reference/linux-tcp-close.md); simplifications are listed in docs/load-model.md.
#include "core/load/load_simulator.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/counters.h"
#include "core/four_tuple.h"
#include "core/load/chunked_pool.h"
#include "core/load/load_event_queue.h"
#include "core/load/port_bitmap.h"
#include "core/load/ring_queue.h"
#include "core/load/timer_lists.h"
#include "core/load/tuple_hash_map.h"
#include "core/port_allocator.h"
#include "core/rng.h"
#include "core/tcp/close.h"
#include "core/tcp/constants.h"
#include "core/tcp/input.h"
#include "core/tcp/metrics.h"
#include "core/tcp/minisocks.h"
#include "core/tcp/secure_seq.h"
#include "core/tcp/segment_flags.h"
#include "core/tcp/send_reset.h"
#include "core/tcp/timer.h"
#include "core/tcp/twsk_unique.h"

namespace closelab::core {

namespace {

constexpr std::uint32_t kNone = 0xffffffffU;
constexpr std::uint32_t kTwTag = 0x80000000U;
constexpr std::int64_t kDelackUs = tcp::kTcpDelackMin;
constexpr std::int64_t kAtoMinUs = tcp::kTcpAtoMin;
constexpr std::uint8_t kMaxQuickAcks = tcp::kTcpMaxQuickacks;
constexpr std::int64_t kInitRtoUs = tcp::kTcpTimeoutInit;
constexpr std::int64_t kRtoMinUs = tcp::kTcpRtoMin;
constexpr std::int64_t kRtoMaxUs = tcp::kTcpRtoMax;
constexpr std::int64_t kSyscallUs = 1;  // a tight loop's next call starts 1 µs later
constexpr std::uint16_t kRequestLen = 100;
constexpr std::uint16_t kResponseLen = 1000;
constexpr std::uint16_t kServerBasePort = 8080;
constexpr std::uint64_t kTwSlabBytes = 256;       // tw_sock_TCP object
constexpr std::uint64_t kFullSlabBytes = 2368;    // TCP slab object (tcp_sock 2304 B)
constexpr std::uint64_t kRequestSlabBytes = 320;  // request_sock_TCP object

using tcp::kAck;
using tcp::kFin;
using tcp::kPsh;
using tcp::kRst;
using tcp::kSyn;

std::string mibKey(std::size_t m) {
    return std::string(tcp::kMibTable[m].name);
}
constexpr Mib ActiveOpens = Mib::ActiveOpens;
constexpr Mib PassiveOpens = Mib::PassiveOpens;
constexpr Mib AttemptFails = Mib::AttemptFails;
constexpr Mib EstabResets = Mib::EstabResets;
constexpr Mib InSegs = Mib::InSegs;
constexpr Mib OutSegs = Mib::OutSegs;
constexpr Mib RetransSegs = Mib::RetransSegs;
constexpr Mib OutRsts = Mib::OutRsts;
constexpr Mib TW = Mib::TW;
constexpr Mib TWKilled = Mib::TWKilled;
constexpr Mib TWRecycled = Mib::TWRecycled;
constexpr Mib TCPTimeWaitOverflow = Mib::TCPTimeWaitOverflow;
constexpr Mib PAWSPassiveRejected = Mib::PAWSPassiveRejected;
constexpr Mib PAWSTimewait = Mib::PAWSTimewait;
constexpr Mib TCPAbortOnData = Mib::TCPAbortOnData;
constexpr Mib TCPAbortOnTimeout = Mib::TCPAbortOnTimeout;
constexpr Mib TCPTimeouts = Mib::TCPTimeouts;
constexpr Mib TCPSynRetrans = Mib::TCPSynRetrans;
constexpr Mib TCPChallengeACK = Mib::TCPChallengeACK;
constexpr Mib TCPACKSkippedTimeWait = Mib::TCPACKSkippedTimeWait;
constexpr Mib TCPAbortOnLinger = Mib::TCPAbortOnLinger;
constexpr Mib DelayedACKs = Mib::DelayedACKs;

// Rare timers in the LoadEventQueue; the retransmission, delayed-ACK and TIME_WAIT timers are
// embedded in their sockets (TimerLists).
enum TimerKind : std::uint8_t { kAppClose, kKeepalive, kTwReuse };

using S = LoadState;

std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t packKey(std::uint16_t la, std::uint16_t lp, std::uint16_t ra, std::uint16_t rp) {
    return (std::uint64_t{la} << 48) | (std::uint64_t{lp} << 32) | (std::uint64_t{ra} << 16) | rp;
}
std::uint16_t keyLocalAddr(std::uint64_t k) {
    return static_cast<std::uint16_t>(k >> 48);
}
std::uint16_t keyLocalPort(std::uint64_t k) {
    return static_cast<std::uint16_t>(k >> 32);
}
std::uint16_t keyRemoteAddr(std::uint64_t k) {
    return static_cast<std::uint16_t>(k >> 16);
}
std::uint16_t keyRemotePort(std::uint64_t k) {
    return static_cast<std::uint16_t>(k);
}

bool seqAfter(std::uint32_t a, std::uint32_t b) {
    return tcp::after(a, b);
}

struct Segment {
    std::int64_t t = 0;
    std::uint64_t seq = 0;
    std::uint64_t key = 0;  // 4-tuple as the receiver sees it
    std::uint32_t conn = kNone;
    std::uint32_t gen = 0;
    std::uint32_t seqNo = 0;
    std::uint32_t ackNo = 0;
    std::uint32_t tsval = 0;
    std::uint16_t dstHost = 0;
    std::uint16_t len = 0;
    std::uint8_t flags = 0;
    std::uint8_t toSide = 0;
    bool hasTs = false;
};

struct Endpoint {
    std::int64_t rtxAt = 0;  // retransmission deadline (0: not armed)
    std::int64_t delackAt = 0;
    TimerLink rtxLink;              // icsk_retransmit_timer
    TimerLink delackLink;           // icsk_delack_timer
    std::int64_t lrcvUs = 0;        // icsk_ack.lrcvtime: last data received
    std::int64_t atoUs = 0;         // icsk_ack.ato: 0 until the first data (tcp_event_data_recv())
    std::int64_t oldestSentUs = 0;  // retrans_stamp: first transmit of the oldest unacked byte
    std::int64_t rtoUs = kInitRtoUs;
    std::uint64_t key = 0;  // the 4-tuple as this endpoint sees it (packKey(), keyLocalPort(), ...)
    std::uint32_t iss = 0, sndUna = 0, sndNxt = 0, rcvNxt = 0, dataEnd = 0;
    std::uint32_t tsOffset = 0, tsRecent = 0;
    std::uint16_t host = 0;
    S state = S::Closed;
    std::uint8_t retries = 0;
    std::uint8_t quickAcks = 0;  // icsk_ack.quick
    bool pingpong = false;       // inet_csk_in_pingpong_mode() (TCP_PINGPONG_THRESH 1)
    bool present = false;
    bool orphan = false;
    bool finSent = false;
    bool tsOk = false;  // timestamps agreed (client before the SYN-ACK: offered in the SYN)
    bool ackPending = false;
    bool reported = false;  // client: connect() result already recorded
};

struct Conn {
    Endpoint ep[2];  // 0 = client, 1 = server
    std::uint32_t self = 0;
    std::uint32_t gen = 0;
    std::uint32_t record = kNone;    // index into the connection records
    std::int64_t requestsLeft = -1;  // pooled: requests before recycling; -1 unlimited
    std::uint16_t clientHost = 0, dest = 0, natPort = 0;
    bool inUse = false;
    bool pooled = false;
    bool busy = false;  // a pooled connection with a request in flight
    bool loopDone = false;
};

// A reused connection slot is reset by copying this whole: cheaper than value-initialising each
// member in place.
const Conn kFreshConn{};

// TIME_WAIT or orphaned FIN_WAIT_2 mini-socket (inet_timewait_sock) with its timer.
struct TwSock {
    std::uint64_t key = 0;
    std::uint32_t entryMs = 0;                                    // tw_entry_stamp (ms)
    std::uint32_t tsStampMs = 0;                                  // tw_ts_recent_stamp (ms)
    TimerLink expiry;                                             // tw_timer (deadline in expiry.t)
    std::uint32_t sndNxt = 0, rcvNxt = 0, tsRecent = 0, gen = 0;  // gen: odd while alive
    std::uint16_t host = 0, dest = 0;
    S substate = S::TimeWait;
    bool tsSeen = false;
    bool clientSide = false;
    bool oowAcked = false;  // tw_last_oow_ack_time is set (kept in Impl::lastOowAck)
    SimTime entryUs() const { return SimTime{entryMs} * 1000; }
    SimTime tsStampUs() const { return SimTime{tsStampMs} * 1000; }
};
// One cache line: a million TIME_WAITs write 64 MB, not more.
static_assert(sizeof(TwSock) == 64);

struct Destination {
    // Availability per parity class for __inet_hash_connect(): bit k of class c is port
    // low + 2k + c; set = unused toward this destination, or a TIME_WAIT that may be reused.
    PortBitmap even;
    PortBitmap odd;
    // Ports whose bit above is set because of a reusable TIME_WAIT (so only those need the
    // hash lookup of tcp_twsk_unique()).
    PortBitmap reusableEven;
    PortBitmap reusableOdd;
    // Client-side TIME_WAIT / FIN_WAIT_2 mini-socket per port toward this destination, in
    // chunks of 1024 ports: the allocator walks ports in order, so this stays in cache where a
    // hash of a million 4-tuples would miss on every insert.
    std::vector<std::unique_ptr<std::uint32_t[]>> twByPort;
    std::uint32_t* twSlot(std::uint32_t rel, bool create) {
        const std::size_t chunk = rel >> 10;
        if (chunk >= twByPort.size()) {
            if (!create) {
                return nullptr;
            }
            twByPort.resize(chunk + 1);
        }
        if (!twByPort[chunk]) {
            if (!create) {
                return nullptr;
            }
            twByPort[chunk] = std::make_unique<std::uint32_t[]>(1024);
            std::fill_n(twByPort[chunk].get(), 1024, 0xffffffffU);
        }
        return &twByPort[chunk][rel & 1023];
    }
    bool ready = false;
};

struct PeerStamp {
    std::uint32_t ts = 0;
    std::int64_t stampUs = 0;
};

struct Host {
    std::string name;
    std::string address;
    LoadHostParams p;
    std::uint16_t addr = 0;
    int clientIndex = -1;
    bool isServer = false;
    bool isNat = false;
    std::array<std::int64_t, kLoadStateCount> states{};
    std::array<std::uint32_t, kLoadStateCount> peak{};
    std::int64_t miniSocks = 0;
    std::int64_t fullSocks = 0;
    std::int64_t requestSocks = 0;
    TupleHashMap ehash;
    std::vector<std::uint32_t> portRefs;
    std::uint32_t portsInUse = 0;
    Counters mib;
    Counters mibAtSample;
    std::uint32_t tsBoot = 0;
    std::uint64_t secret = 0;
    Ipv4 ip = 0;
    PortAllocator allocator;
    std::unordered_map<std::uint16_t, PeerStamp> peerStamps;  // tcp_tw_recycle cache
    std::int64_t finTimeUs = 0;
    std::array<std::uint32_t, kConnectOutcomeCount> interval{};
    std::array<bool, kConnectOutcomeCount> outcomeSeen{};
    std::uint32_t remaining = 0;             // ports in the range [portLow, portHigh]
    std::vector<bool> reserved;              // by relative port
    std::vector<std::uint32_t> reservedRel;  // the same, as a list
};

}  // namespace

struct LoadSimulator::Impl {
    LoadSpec spec;
    std::vector<Host> hosts;
    ChunkedPool<Conn> conns;  // stable references while connections are added
    std::vector<std::uint32_t> freeConns;
    ChunkedPool<TwSock> tws;
    std::vector<std::uint32_t> freeTws;
    // tw_last_oow_ack_time of the few mini-sockets that sent a rate-limited ACK.
    std::unordered_map<std::uint32_t, std::int64_t> lastOowAck;
    std::vector<Destination> dests;
    LoadEventQueue timers;
    // Endpoint timers: id = connection << 2 | side << 1 | (0 retransmission, 1 delayed ACK).
    struct EndpointLink {
        ChunkedPool<Conn>* pool;
        TimerLink& operator()(std::uint32_t id) const {
            Endpoint& e = (*pool)[id >> 2].ep[(id >> 1) & 1U];
            return (id & 1U) != 0 ? e.delackLink : e.rtxLink;
        }
    };
    struct TwLink {
        ChunkedPool<TwSock>* pool;
        TimerLink& operator()(std::uint32_t id) const { return (*pool)[id].expiry; }
    };
    TimerLists<EndpointLink> epTimers{EndpointLink{&conns}};
    TimerLists<TwLink> twTimers{TwLink{&tws}};
    static std::uint32_t rtxId(const Conn& c, int side) {
        return (c.self << 2) | (static_cast<std::uint32_t>(side) << 1);
    }
    static std::uint32_t delackId(const Conn& c, int side) { return rtxId(c, side) | 1U; }
    RingQueue<Segment> wire;
    std::int64_t owdUs = 0;
    std::int64_t rttUs = 0;
    std::int64_t baseRtoUs = 0;
    std::int64_t now = 0;
    std::int64_t endUs = 0;
    Rng rng{1};
    std::uint16_t serverHost = 0;
    std::uint16_t natHost = 0xffff;
    std::uint16_t serverAddr = 0;
    Ipv4 serverIp = 0;
    bool loopback = false;
    bool lossy = false;  // spec.loss > 0
    int channelReuse = -1;
    // NAT: (natPort, serverPort) -> (client host, client port) and back.
    TupleHashMap natReverse;
    TupleHashMap natForward;
    // Attempts.
    std::uint64_t attemptIndex = 0;
    std::int64_t nextArrivalUs = -1;
    std::uint64_t nextArrivalSeq = 0;
    std::uint64_t arrivals = 0;  // attempts (or requests, pooled) generated
    // Pool.
    std::vector<std::uint32_t> idlePool;
    std::uint64_t pendingRequests = 0;
    int livePool = 0;
    // Results.
    LoadResult result;
    std::uint64_t events = 0;
    std::uint64_t segmentsSent = 0;
    // While run() delivers a burst of segments: the earliest other event known, lowered by every
    // timer or attempt scheduled meanwhile (see run()).
    std::int64_t boundT = 0;
    std::uint64_t boundSeq = 0;
    // Progress and cancel: looked at when the countdown reaches 0 (see LoadControl).
    const LoadControl* control = nullptr;
    std::uint32_t pollCountdown = kLoadPollEvents;

    Impl(const LoadSpec& s, std::vector<LoadHostParams> params);
    void run();
    void poll() {
        pollCountdown = kLoadPollEvents;
        if (control == nullptr) {
            return;
        }
        if (control->stop.stop_requested()) {
            throw LoadCancelled();
        }
        if (control->progress) {
            control->progress(now, endUs);
        }
    }

    // --- helpers ---
    double random01() { return rng.uniform(); }
    std::uint32_t random32() { return rng.next32(); }
    Host& hostOf(const Endpoint& e) { return hosts[e.host]; }
    void countState(Host& h, S from, S to) {
        if (from != S::Closed) {
            --h.states[static_cast<std::size_t>(from)];
        }
        if (to != S::Closed) {
            auto& n = h.states[static_cast<std::size_t>(to)];
            ++n;
            auto& pk = h.peak[static_cast<std::size_t>(to)];
            if (n > pk) {
                pk = static_cast<std::uint32_t>(n);
            }
        }
    }
    void setState(Endpoint& e, S to) {
        countState(hostOf(e), e.state, to);
        if (spec.traceStates) [[unlikely]] {
            traceState(e.host, e.key, e.state, to);
        }
        e.state = to;
    }
    void traceState(std::uint16_t host, std::uint64_t key, S from, S to) {
        if (from != to) {
            result.stateChanges.push_back(LoadStateChange{
                now, host, isServerPort(keyLocalPort(key)) && hosts[host].isServer, from, to});
        }
    }
    void portRef(Host& h, std::uint16_t port, int delta) {
        if (h.portRefs.empty()) {
            h.portRefs.assign(65536, 0);
        }
        auto& r = h.portRefs[port];
        if (delta > 0) {
            if (r++ == 0) {
                ++h.portsInUse;
            }
        } else if (--r == 0) {
            --h.portsInUse;
        }
    }
    std::uint32_t tsNow(const Host& h, std::uint32_t offset) const {
        return h.tsBoot + static_cast<std::uint32_t>(now / 1000) + offset;
    }
    std::uint32_t tsOffsetFor(const Host& h, std::uint64_t key) const {
        // secure_tcp_ts_off(): per 4-tuple since 4.10 (timestamps=1); none for 2 and on 4.9.
        if (!tcp::secure_tcp_ts_off_applies(h.p.sysctls.profile, h.p.timestamps)) {
            return 0;
        }
        return static_cast<std::uint32_t>(splitmix(key ^ h.secret) >> 32);
    }
    // The mini-socket's timestamp offset is its 4-tuple's, as the full socket had it.
    std::uint32_t twTsOffset(const TwSock& tw) const { return tsOffsetFor(hosts[tw.host], tw.key); }
    std::uint32_t isnFor(const Host& h, std::uint64_t key) const {
        // secure_tcp_seq(): keyed hash plus a clock ticking every 64 ns.
        return tcp::secure_tcp_seq(splitmix(key ^ (h.secret << 1)), now);
    }
    // Every event other than a segment arrival is scheduled through lowerBound().
    void lowerBound(std::int64_t t, std::uint64_t seq) {
        if (t < boundT || (t == boundT && seq < boundSeq)) {
            boundT = t;
            boundSeq = seq;
        }
    }
    void timer(int channel, TimerKind kind, std::uint32_t obj, std::uint32_t gen, std::uint8_t side,
               std::uint16_t host, std::int64_t at) {
        LoadTimer& t = timers.emplace(channel, at);
        t.obj = obj;
        t.gen = gen;
        t.kind = kind;
        t.side = side;
        t.host = host;
        lowerBound(at, t.seq);
    }
    void armEndpointTimer(std::uint32_t id, TimerLink& link, std::int64_t t, std::int64_t delay) {
        const std::uint64_t seq = timers.takeSeq();
        epTimers.arm(id, link, t, delay, seq);
        lowerBound(t, seq);
    }
    void armTwTimer(std::uint32_t i, std::int64_t t, std::int64_t delay) {
        const std::uint64_t seq = timers.takeSeq();
        twTimers.arm(i, tws[i].expiry, t, delay, seq);
        lowerBound(t, seq);
    }
    int channelFor(std::int64_t delay) { return timers.channel(delay); }

    // --- sending ---
    // Counts the segment and decides its fate; true when it is lost on the link.
    bool lostOnLink(Host& from, std::uint8_t flags) {
        from.mib.add(OutSegs);
        if ((flags & kRst) != 0) {
            from.mib.add(OutRsts);
        }
        ++segmentsSent;
        return lossy && random01() < spec.loss;
    }
    void transmit(const Segment& seg, Host& from) {
        if (lostOnLink(from, seg.flags)) {
            return;
        }
        Segment& out = wire.emplace();
        out = seg;
        out.t = now + owdUs;
        out.seq = timers.takeSeq();
    }
    // Inlined into each of its callers: ~100 instructions run ten times per lifecycle, where a
    // call's register saves and reloads are a fifth of the cost.
    [[gnu::always_inline]] void send(Conn& c, int side, std::uint8_t flags, std::uint32_t seqNo,
                                     std::uint16_t len) {
        Endpoint& e = c.ep[side];
        const Endpoint& o = c.ep[1 - side];
        Host& h = hostOf(e);
        if ((flags & kAck) != 0) {
            if (e.ackPending && e.quickAcks > 0) {
                --e.quickAcks;  // tcp_event_ack_sent() -> tcp_dec_quickack_mode()
            }
            e.ackPending = false;
            clearDelack(c, side);  // the ACK went out: no delayed ACK owed
        }
        if (lostOnLink(h, flags)) {
            return;
        }
        // Built in place in the wire FIFO (no temporary copy on the hot path).
        Segment& seg = wire.emplace();
        seg.t = now + owdUs;
        seg.seq = timers.takeSeq();
        seg.key = o.key;
        seg.conn = c.self;
        seg.gen = c.gen;
        seg.seqNo = seqNo;
        seg.ackNo = (flags & kAck) != 0 ? e.rcvNxt : 0;
        seg.dstHost = o.host;
        seg.len = len;
        seg.flags = flags;
        seg.toSide = static_cast<std::uint8_t>(1 - side);
        seg.hasTs = e.tsOk;
        seg.tsval = seg.hasTs ? tsNow(h, e.tsOffset) : 0;
    }
    // A segment from a host with no full socket (TIME_WAIT answer, RST to a stray).
    void sendRaw(std::uint16_t hostIndex, std::uint64_t key, std::uint8_t flags,
                 std::uint32_t seqNo, std::uint32_t ackNo, bool hasTs, std::uint32_t tsOffset) {
        Host& h = hosts[hostIndex];
        std::uint16_t ra = keyRemoteAddr(key);
        std::uint16_t rp = keyRemotePort(key);
        std::uint16_t la = keyLocalAddr(key);
        std::uint16_t lp = keyLocalPort(key);
        Segment seg;
        seg.flags = flags;
        seg.seqNo = seqNo;
        seg.ackNo = ackNo;
        seg.hasTs = hasTs;
        seg.tsval = hasTs ? tsNow(h, tsOffset) : 0;
        if (natHost != 0xffff && hostIndex == serverHost && ra == hosts[natHost].addr) {
            // Toward the NAT: undo the mapping, or drop when the NAT has none.
            const std::uint32_t v = natReverse.find((std::uint64_t{rp} << 16) | lp | (1ULL << 40));
            if (v == TupleHashMap::kNone) {
                h.mib.add(OutSegs);
                return;
            }
            const auto client = static_cast<std::uint16_t>(v >> 16);
            seg.dstHost = client;
            seg.key = packKey(hosts[client].addr, static_cast<std::uint16_t>(v), la, lp);
        } else if (natHost != 0xffff && h.clientIndex >= 0) {
            const std::uint32_t v = natForward.find(packKey(la, lp, 0xffff, rp));
            if (v == TupleHashMap::kNone) {
                h.mib.add(OutSegs);
                return;
            }
            seg.dstHost = serverHost;
            seg.key = packKey(ra, rp, hosts[natHost].addr, static_cast<std::uint16_t>(v));
        } else {
            seg.dstHost =
                loopback ? hostIndex : (hostIndex == serverHost ? hostForAddr(ra) : serverHost);
            seg.key = packKey(ra, rp, la, lp);
        }
        transmit(seg, h);
    }
    std::uint16_t hostForAddr(std::uint16_t addr) const {
        for (std::size_t i = 0; i < hosts.size(); ++i) {
            if (hosts[i].addr == addr) {
                return static_cast<std::uint16_t>(i);
            }
        }
        return 0;
    }
    void sendData(Conn& c, int side, std::uint16_t len) {
        Endpoint& e = c.ep[side];
        if (e.sndUna == e.sndNxt) {
            e.oldestSentUs = now;
        }
        // tcp_event_data_sent(): a reply within ato of the last data received is interactive
        // (pingpong), so later data is ACKed late, usually by the next reply.
        if (e.atoUs != 0 && now - e.lrcvUs < e.atoUs) {
            e.pingpong = true;
        }
        const std::uint32_t seqNo = e.sndNxt;
        e.sndNxt += len;
        e.dataEnd = e.sndNxt;
        send(c, side, kAck | kPsh, seqNo, len);
        armRtx(c, side);
    }
    void sendFin(Conn& c, int side) {
        Endpoint& e = c.ep[side];
        if (e.sndUna == e.sndNxt) {
            e.oldestSentUs = now;
        }
        e.finSent = true;
        const std::uint32_t seqNo = e.sndNxt;
        e.sndNxt += 1;
        send(c, side, kFin | kAck, seqNo, 0);
        armRtx(c, side);
    }
    void armRtx(Conn& c, int side) {
        Endpoint& e = c.ep[side];
        if (e.rtxAt != 0) {
            return;
        }
        e.rtxAt = now + e.rtoUs;
        armEndpointTimer(rtxId(c, side), e.rtxLink, e.rtxAt, e.rtoUs);
    }
    // Everything sent is acknowledged: the retransmission timer stops (the kernel only clears
    // icsk_pending and lets the timer fire idle; removing it is the same without the event).
    void clearRtx(Conn& c, int side) {
        Endpoint& e = c.ep[side];
        if (e.rtxAt != 0) {
            e.rtxAt = 0;
            epTimers.cancel(rtxId(c, side), e.rtxLink);
        }
    }
    // The socket is gone: inet_csk_clear_xmit_timers() deletes its timers.
    void clearDelack(Conn& c, int side) {
        Endpoint& e = c.ep[side];
        if (e.delackAt != 0) {
            e.delackAt = 0;
            epTimers.cancel(delackId(c, side), e.delackLink);
        }
    }
    void clearTimers(Conn& c, int side) {
        clearRtx(c, side);
        clearDelack(c, side);
    }
    // Arms the delayed-ACK timer if an ACK is still owed once the application has reacted
    // (a reply sent at once carries the ACK, so no timer is needed).
    void scheduleDelack(Conn& c, int side, std::uint32_t gen) {
        if (c.gen != gen || !c.ep[side].present) {
            return;
        }
        Endpoint& e = c.ep[side];
        if (e.ackPending && e.delackAt == 0) {
            e.delackAt = now + kDelackUs;
            armEndpointTimer(delackId(c, side), e.delackLink, e.delackAt, kDelackUs);
        }
    }

    // --- socket lifetimes ---
    std::uint32_t allocConn() {
        std::uint32_t i;
        if (!freeConns.empty()) {
            i = freeConns.back();
            freeConns.pop_back();
        } else {
            i = static_cast<std::uint32_t>(conns.size());
            conns.emplace_back();
        }
        Conn& c = conns[i];
        const std::uint32_t gen = c.gen + 1;
        c = kFreshConn;
        c.self = i;
        c.gen = gen;
        c.inUse = true;
        return i;
    }
    void maybeFreeConn(Conn& c) {
        if (c.inUse && !c.ep[0].present && !c.ep[1].present) {
            c.inUse = false;
            ++c.gen;
            freeConns.push_back(c.self);
        }
    }
    void releaseClientPort(std::uint16_t hostIndex, std::uint16_t dest, std::uint16_t port) {
        Host& h = hosts[hostIndex];
        portRef(h, port, -1);
        markPort(h, dests[dest], port, true);
        if (natHost != 0xffff) {
            const std::uint64_t fk = packKey(h.addr, port, 0xffff, destServerPort(dest));
            const std::uint32_t natPort = natForward.find(fk);
            if (natPort != TupleHashMap::kNone) {
                natForward.erase(fk);
                natReverse.erase((std::uint64_t{natPort} << 16) | destServerPort(dest) |
                                 (1ULL << 40));
                --hosts[natHost].portsInUse;
            }
        }
    }
    std::uint16_t destServerPort(std::uint16_t dest) const {
        return static_cast<std::uint16_t>(kServerBasePort + dest % spec.serverPorts);
    }
    // available: the port may be chosen toward `d`; viaTimeWait: because of a reusable
    // TIME_WAIT on its 4-tuple.
    void markPort(Host& h, Destination& d, std::uint16_t port, bool available,
                  bool viaTimeWait = false) {
        if (port < h.p.portLow) {
            return;
        }
        const std::uint32_t rel = port - h.p.portLow;
        if (rel >= h.remaining || h.reserved[rel]) {
            return;
        }
        const bool even = (rel & 1U) == 0;
        PortBitmap& bm = even ? d.even : d.odd;
        PortBitmap& tw = even ? d.reusableEven : d.reusableOdd;
        if (available) {
            bm.set(rel >> 1);
        } else {
            bm.reset(rel >> 1);
        }
        if (viaTimeWait) {
            tw.set(rel >> 1);
        } else if (tw.test(rel >> 1)) {
            tw.reset(rel >> 1);
        }
    }
    // Full socket gone without TIME_WAIT (tcp_done()).
    void closeFull(Conn& c, int side) {
        Endpoint& e = c.ep[side];
        if (!e.present) {
            return;
        }
        Host& h = hostOf(e);
        if (e.state == S::SynRecv) {
            --h.requestSocks;
        } else {
            --h.fullSocks;
        }
        setState(e, S::Closed);
        if (side == 1) {
            h.ehash.erase(e.key);
        }
        e.present = false;
        clearTimers(c, side);
        if (side == 0) {
            *dests[c.dest].twSlot(keyLocalPort(e.key) - h.p.portLow, true) = kNone;
            releaseClientPort(e.host, c.dest, keyLocalPort(e.key));
        } else {
            portRef(h, keyLocalPort(e.key), -1);
        }
        if (c.pooled && side == 0) {
            onPoolConnGone(c);
        }
        maybeFreeConn(c);
    }
    std::uint32_t allocTw() {
        std::uint32_t i;
        if (!freeTws.empty()) {
            i = freeTws.back();
            freeTws.pop_back();
        } else {
            i = static_cast<std::uint32_t>(tws.size());
            tws.emplace_back();
        }
        return i;
    }
    // tcp_time_wait() (the rulebook's): the full socket becomes a mini-socket, or vanishes when
    // tcp_max_tw_buckets is reached (TCPTimeWaitOverflow, no RST) or the what-if length is 0.
    void toMini(Conn& c, int side, S substate, std::int64_t timeoUs) {
        Endpoint& e = c.ep[side];
        Host& h = hostOf(e);
        const tcp::TimeWaitDecision d =
            tcp::tcp_time_wait({substate, substate == S::TimeWait ? 0 : timeoUs, e.rtoUs, e.tsOk},
                               {h.p.sysctls.profile, h.miniSocks, h.p.maxTwBuckets,
                                h.p.timeWaitLenUs, h.p.twRecycle != 0});
        if (d.kind != tcp::TimeWaitKind::Enter) [[unlikely]] {
            if (d.kind == tcp::TimeWaitKind::Overflow) {
                h.mib.add(TCPTimeWaitOverflow);
            } else if (spec.traceStates) {
                traceState(e.host, e.key, e.state, S::TimeWait);
                e.state = S::TimeWait;  // the what-if: TIME_WAIT for no time at all
            }
            closeFull(c, side);
            return;
        }
        timeoUs = d.timeo;
        if (d.recycled) [[unlikely]] {
            // 4.9 tcp_remember_stamp(): the peer's timestamp, recorded now.
            auto it = h.peerStamps.find(keyRemoteAddr(e.key));
            const tcp::PeerTimestamp p =
                it == h.peerStamps.end()
                    ? tcp::PeerTimestamp{}
                    : tcp::PeerTimestamp{true, it->second.ts, it->second.stampUs};
            if (tcp::tcp_remember_stamp(p, e.tsRecent, now, now)) {
                h.peerStamps[keyRemoteAddr(e.key)] = PeerStamp{e.tsRecent, now};
            }
        }
        const std::uint32_t i = allocTw();
        TwSock& tw = tws[i];
        tw.key = e.key;
        tw.entryMs = static_cast<std::uint32_t>(now / 1000);
        tw.tsStampMs = tw.entryMs;  // the segment that closed the socket was just received
        tw.sndNxt = e.sndNxt;
        tw.rcvNxt = e.rcvNxt;
        tw.tsRecent = e.tsRecent;
        tw.gen += 1;
        tw.host = e.host;
        tw.dest = c.dest;
        tw.substate = substate;
        tw.tsSeen = e.tsOk;
        tw.clientSide = side == 0;
        tw.oowAcked = false;
        h.mib.add(d.counter);
        if (side == 1) {
            h.ehash.assign(tw.key, kTwTag | i);
        } else {
            *destination(c.dest, h).twSlot(keyLocalPort(e.key) - h.p.portLow, true) = kTwTag | i;
        }
        --h.fullSocks;
        ++h.miniSocks;
        countState(h, e.state, substate);
        if (spec.traceStates) [[unlikely]] {
            traceState(e.host, e.key, e.state, substate);
        }
        e.state = S::Closed;
        e.present = false;
        clearTimers(c, side);
        armTwTimer(i, now + timeoUs, timeoUs);
        scheduleReuse(i);
        if (c.pooled && side == 0) {
            onPoolConnGone(c);
        }
        maybeFreeConn(c);
    }
    tcp::TwReuseSock reuseView(const TwSock& tw) const {
        return {tw.substate, tw.tsSeen, tw.entryUs(), tw.tsStampUs()};
    }
    tcp::TwReuseRules reuseRules(const Host& h) const {
        return {h.p.sysctls.profile, static_cast<std::uint8_t>(h.p.twReuse),
                static_cast<std::uint32_t>(h.p.twReuseDelayMs), loopback};
    }
    // When tcp_twsk_unique() would first accept this TIME_WAIT for a new connect().
    std::int64_t reuseReadyUs(const TwSock& tw, const Host& h) const {
        return tcp::tcp_twsk_reuse_ready(reuseView(tw), reuseRules(h));
    }
    bool reuseApplies(const TwSock& tw, const Host& h) const {
        return tw.tsSeen && tw.clientSide && tcp::tcp_twsk_reuse(reuseView(tw), reuseRules(h)) != 0;
    }
    void scheduleReuse(std::uint32_t i) {
        const TwSock& tw = tws[i];
        const Host& h = hosts[tw.host];
        if (reuseApplies(tw, h)) {
            timer(channelReuse, kTwReuse, i, tw.gen, 0, tw.host, reuseReadyUs(tw, h));
        }
    }
    void killTw(std::uint32_t i) {
        TwSock& tw = tws[i];
        Host& h = hosts[tw.host];
        if (tw.clientSide) {
            *dests[tw.dest].twSlot(keyLocalPort(tw.key) - h.p.portLow, true) = kNone;
        } else {
            h.ehash.erase(tw.key);
        }
        if (tw.oowAcked) [[unlikely]] {
            lastOowAck.erase(i);
        }
        twTimers.cancel(i, tw.expiry);
        countState(h, tw.substate, S::Closed);
        if (spec.traceStates) [[unlikely]] {
            traceState(tw.host, tw.key, tw.substate, S::Closed);
        }
        --h.miniSocks;
        tw.gen += 1;
        if (tw.clientSide) {
            releaseClientPort(tw.host, tw.dest, keyLocalPort(tw.key));
        } else {
            portRef(h, keyLocalPort(tw.key), -1);
        }
        freeTws.push_back(i);
    }

    // --- connect() ---
    Destination& destination(std::uint16_t d, Host& h) {
        Destination& dest = dests[d];
        if (!dest.ready) {
            const std::uint32_t half = (h.remaining + 1) / 2;
            dest.even = PortBitmap(half);
            dest.odd = PortBitmap(h.remaining / 2);
            dest.reusableEven = PortBitmap(half);
            dest.reusableOdd = PortBitmap(h.remaining / 2);
            dest.even.setAll();
            dest.odd.setAll();
            for (const std::uint32_t rel : h.reservedRel) {
                ((rel & 1U) == 0 ? dest.even : dest.odd).reset(rel >> 1);
            }
            dest.ready = true;
        }
        return dest;
    }
    // connect()'s port: the engine's PortAllocator (__inet_hash_connect(): ports of the range's
    // parity first from a keyed, perturbed offset, step 2, then the other parity). The
    // destination's bitmaps answer its per-port check, and say at once when no port is left,
    // so a failing connect() costs O(1) instead of a scan of the whole range. Returns 0 for
    // EADDRNOTAVAIL.
    std::uint16_t pickPort(Host& h, std::uint16_t d, std::uint32_t& isn, bool& reused) {
        Destination& dest = destination(d, h);
        reused = false;
        if (!dest.even.any() && !dest.odd.any()) {
            return 0;
        }
        const std::uint16_t dport = destServerPort(d);
        const auto choice = h.allocator.connectPort(
            h.p.sysctls, h.ip, serverIp, dport,
            [&](std::uint16_t port) {
                const std::uint32_t rel = port - h.p.portLow;
                if (rel >= h.remaining || h.reserved[rel]) {
                    return PortCheck::Busy;  // a listener's port, owned by bind()
                }
                const bool even = (rel & 1U) == 0;
                if (!(even ? dest.even : dest.odd).test(rel >> 1)) {
                    return PortCheck::Busy;
                }
                return (even ? dest.reusableEven : dest.reusableOdd).test(rel >> 1)
                           ? PortCheck::Reuse
                           : PortCheck::Free;
            },
            [&](std::uint16_t port) -> std::uint32_t {
                // Candidates from `port` on, in the scan order of __inet_hash_connect(), whose
                // bit is clear. The scan steps by 2 and wraps with `port -= remaining`, where
                // remaining is the span rounded down to even: with an odd span the even class
                // wraps from its last port (low + span - 1) to low + 2, so once past low its
                // cycle is [1, n); a scan that starts at low stops before the last port, which
                // the count below covers too (it runs past the scan's end).
                const std::uint32_t rel = port - h.p.portLow;
                const bool even = (rel & 1U) == 0;
                const PortBitmap& bm = even ? dest.even : dest.odd;
                const std::uint32_t n = bm.size();
                const std::uint32_t k = rel >> 1;
                if (k >= n) {
                    return 0;
                }
                const std::uint32_t first = even && (h.remaining & 1U) != 0 && k > 0 ? 1 : 0;
                const std::uint32_t next = bm.findCyclic(k, first);
                if (next == PortBitmap::kNone) {
                    return n - first;
                }
                return next >= k ? next - k : (n - k) + (next - first);
            });
        if (!choice) {
            return 0;
        }
        const std::uint16_t port = choice->port;
        if (choice->reusedTimeWait) {
            // tcp_twsk_unique() agreed when the bit was set: take the TIME_WAIT over.
            const std::uint32_t v = *dest.twSlot(port - h.p.portLow, false) & ~kTwTag;
            const TwSock& tw = tws[v];
            isn = tw.sndNxt + tcp::kTwIsnGap;
            if (isn == 0) {
                isn = 1;
            }
            h.mib.add(TWRecycled);
            killTw(v);
            reused = true;
        }
        markPort(h, dest, port, false);
        return port;
    }

    void recordOutcome(Host& h, std::uint32_t record, ConnectOutcome outcome) {
        const auto o = static_cast<std::size_t>(outcome);
        ++h.interval[o];
        h.outcomeSeen[o] = true;
        auto& sum = result.summary;
        if (outcome == ConnectOutcome::Ok) {
            ++sum.succeeded;
        } else {
            ++sum.failed[std::string(kConnectOutcomeNames[o])];
            if (!sum.firstFailureMs) {
                sum.firstFailureMs = now / 1000;
            }
        }
        if (record != kNone) {
            result.connections[record].result = outcome;
        }
    }

    // One connect() from client host `ch` to server port index `pi`; returns the connection or
    // kNone when connect() failed at once.
    std::uint32_t startConnect(std::uint16_t ch, int pi, bool pooled) {
        Host& h = hosts[ch];
        const auto d = static_cast<std::uint16_t>(h.clientIndex * spec.serverPorts + pi);
        ++result.summary.attempted;
        std::uint32_t record = kNone;
        if (spec.connections && result.connections.size() >= kMaxConnectionRecords) {
            result.summary.connectionsTruncated = true;
        } else if (spec.connections) {
            record = static_cast<std::uint32_t>(result.connections.size());
            ConnectionRecord r;
            r.tUs = now;
            r.clientHost = ch;
            result.connections.push_back(r);
        }
        std::uint32_t isn = 0;
        bool reused = false;
        const std::uint16_t port = pickPort(h, d, isn, reused);
        if (port == 0) {
            recordOutcome(h, record, ConnectOutcome::AddrNotAvail);
            return kNone;
        }
        if (record != kNone) {
            result.connections[record].localPort = port;
        }
        const std::uint32_t ci = allocConn();
        Conn& c = conns[ci];
        c.clientHost = ch;
        c.dest = d;
        c.record = record;
        c.pooled = pooled;
        if (pooled && spec.poolRequests > 0) {
            c.requestsLeft = spec.poolRequests;
        }
        const std::uint16_t dport = destServerPort(d);
        Endpoint& e = c.ep[0];
        e.host = ch;
        e.key = packKey(h.addr, port, serverAddr, dport);
        std::uint16_t remoteAddrSeen = h.addr;
        std::uint16_t remotePortSeen = port;
        if (natHost != 0xffff) {
            c.natPort = natMap(ch, port, dport);
            remoteAddrSeen = hosts[natHost].addr;
            remotePortSeen = c.natPort;
        }
        Endpoint& s = c.ep[1];
        s.host = serverHost;
        s.key = packKey(serverAddr, dport, remoteAddrSeen, remotePortSeen);
        e.iss = reused ? isn : isnFor(h, e.key);
        e.sndUna = e.iss;
        e.sndNxt = e.iss + 1;
        e.tsOffset = tsOffsetFor(h, e.key);
        e.tsOk = h.p.timestamps != 0;  // until the SYN-ACK: the SYN offers timestamps
        e.present = true;
        e.rtoUs = kInitRtoUs;
        e.oldestSentUs = now;
        ++h.fullSocks;
        h.mib.add(ActiveOpens);
        *destination(d, h).twSlot(port - h.p.portLow, true) = ci << 1;
        setState(e, S::SynSent);
        portRef(h, port, +1);
        send(c, 0, kSyn, e.iss, 0);
        armRtx(c, 0);
        return ci;
    }
    // A NAT keeps the client's port when (port, server port) is free on the public address,
    // otherwise takes the next free one (nf_nat_used_tuple()).
    std::uint16_t natMap(std::uint16_t ch, std::uint16_t port, std::uint16_t dport) {
        std::uint32_t candidate = port;
        for (std::uint32_t tries = 0; tries < 65536; ++tries) {
            const std::uint64_t rk = (std::uint64_t{candidate} << 16) | dport | (1ULL << 40);
            if (candidate >= 1024 && natReverse.find(rk) == TupleHashMap::kNone) {
                natReverse.insert(rk, (std::uint32_t{ch} << 16) | port);
                natForward.insert(packKey(hosts[ch].addr, port, 0xffff, dport), candidate);
                ++hosts[natHost].portsInUse;
                return static_cast<std::uint16_t>(candidate);
            }
            candidate = candidate >= 65535 ? 1024 : candidate + 1;
        }
        return port;
    }

    // --- application ---
    void onConnected(Conn& c) {
        Host& h = hosts[c.clientHost];
        c.ep[0].reported = true;
        recordOutcome(h, c.record, ConnectOutcome::Ok);
        if (c.pooled) {
            idlePool.push_back(c.self);
            servePending();
        } else {
            sendData(c, 0, kRequestLen);
        }
    }
    void onConnectFailed(Conn& c, ConnectOutcome outcome) {
        Host& h = hosts[c.clientHost];
        h.mib.add(AttemptFails);
        c.ep[0].reported = true;
        recordOutcome(h, c.record, outcome);
        loopDone(c);
    }
    void onRequestReceived(Conn& c) {
        sendData(c, 1, kResponseLen);
        const bool last = !c.pooled || c.requestsLeft == 1;
        if (spec.closer == LoadCloser::Server && last) {
            appClose(c, 1);
        }
    }
    void onResponseReceived(Conn& c) {
        ++result.summary.requestsCompleted;
        if (c.pooled) {
            c.busy = false;
            if (c.requestsLeft > 0) {
                --c.requestsLeft;
            }
            if (c.requestsLeft == 0) {
                if (spec.closer == LoadCloser::Client) {
                    appClose(c, 0);
                }
                loopDoneTight();
                return;
            }
            idlePool.push_back(c.self);
            loopDoneTight();
            servePending();
            return;
        }
        if (spec.closer == LoadCloser::Client) {
            appClose(c, 0);
            loopDone(c);
        }
    }
    void onEof(Conn& c, int side) {
        // The passive side's application read EOF.
        if (spec.closer == LoadCloser::Client && side == 0) {
            return;  // our own close is already under way
        }
        if (spec.peerClose == PeerClose::Delay) {
            const std::int64_t at = now + spec.peerCloseDelayMs * 1000;
            timer(channelFor(spec.peerCloseDelayMs * 1000), kAppClose, c.self, c.gen,
                  static_cast<std::uint8_t>(side), c.ep[side].host, at);
            return;
        }
        if (spec.peerClose == PeerClose::Normal) {
            appClose(c, side);
        }
        if (side == 0 && !c.pooled) {
            loopDone(c);  // close() returned, or the leaking client moves on
        }
    }
    // close() by the application (tcp_close_state(), __tcp_close()).
    void appClose(Conn& c, int side) {
        Endpoint& e = c.ep[side];
        if (!e.present || e.orphan) {
            return;
        }
        Host& h = hostOf(e);
        e.orphan = true;
        if (tcp::tcp_close_action({e.state, false, h.p.lingerOn, h.p.lingerS}) ==
            tcp::CloseAction::Disconnect) {
            // SO_LINGER {1,0}: tcp_disconnect(), RST from the states of tcp_need_reset(), no FIN,
            // no TIME_WAIT.
            h.mib.add(TCPAbortOnData);
            if (tcp::tcp_need_reset(e.state)) {
                send(c, side, kRst | kAck, e.sndNxt, 0);
            }
            if (e.state == S::SynSent) [[unlikely]] {
                onConnectFailed(c, ConnectOutcome::ConnReset);
            }
            closeFull(c, side);
            return;
        }
        switch (e.state) {
            case S::Established:
                setState(e, S::FinWait1);
                sendFin(c, side);
                break;
            case S::CloseWait:
                setState(e, S::LastAck);
                sendFin(c, side);
                break;
            case S::SynSent:
                closeFull(c, side);
                break;
            case S::FinWait2:
                toFinWait2Orphan(c, side, false, true);
                break;
            default:
                break;
        }
    }
    std::int64_t finTime(const Endpoint& e) const {
        const Host& h = hosts[e.host];
        return tcp::tcp_fin_time(h.p.linger2Us, h.p.finTimeoutSysctlSec, e.rtoUs);
    }
    // An orphan in FIN_WAIT_2 (tcp_rcv_state_process() case TCP_FIN_WAIT1 when the ACK of our
    // FIN arrives, or __tcp_close() with `inClose`). false: the full socket stays (the FIN in
    // this segment, or the keepalive hand-over of a fin time above 60 s).
    bool toFinWait2Orphan(Conn& c, int side, bool finInSegment, bool inClose) {
        Endpoint& e = c.ep[side];
        Host& h = hostOf(e);
        const tcp::OrphanFinWait2Action a =
            tcp::tcp_orphan_fin_wait2(h.p.linger2Us, finTime(e), finInSegment);
        switch (a.action) {
            case tcp::OrphanFinWait2::Abort:
                if (inClose) {
                    h.mib.add(TCPAbortOnLinger);
                    send(c, side, kRst | kAck, e.sndNxt, 0);
                } else {
                    h.mib.add(TCPAbortOnData);
                }
                closeFull(c, side);
                return true;
            case tcp::OrphanFinWait2::Keepalive:
                if (!finInSegment) {
                    // Full FIN_WAIT_2 for the fin time - 60 s, then a mini-socket for the rest.
                    timer(channelFor(a.timer), kKeepalive, c.self, c.gen,
                          static_cast<std::uint8_t>(side), e.host, now + a.timer);
                }
                return false;
            case tcp::OrphanFinWait2::KeepFull:
                return false;  // the FIN in this segment moves it to TIME_WAIT next
            case tcp::OrphanFinWait2::MiniSocket:
                toMini(c, side, S::FinWait2, a.timer);
                return true;
        }
        return false;
    }
    void loopDone(Conn& c) {
        if (c.loopDone) {
            return;
        }
        c.loopDone = true;
        loopDoneTight();
    }
    void loopDoneTight() {
        if (!spec.ratePerS) {
            scheduleArrival(now + kSyscallUs);
        }
    }
    void scheduleArrival(std::int64_t at) {
        if (spec.count && arrivals >= *spec.count) {
            return;
        }
        if (at >= endUs) {
            return;  // attempts start in [0, duration)
        }
        nextArrivalUs = at;
        nextArrivalSeq = timers.takeSeq();
        lowerBound(nextArrivalUs, nextArrivalSeq);
    }
    void onArrival() {
        const std::uint64_t k = arrivals++;
        nextArrivalUs = -1;
        if (spec.pool > 0) {
            ++pendingRequests;
            refillPool(k);
            servePending();
        } else {
            const auto ch =
                static_cast<std::uint16_t>(k % static_cast<std::uint64_t>(spec.clients));
            const int pi = static_cast<int>((k / static_cast<std::uint64_t>(spec.clients)) %
                                            static_cast<std::uint64_t>(spec.serverPorts));
            const std::uint32_t ci = startConnect(clientHostIndex(ch), pi, false);
            if (ci == kNone) {
                loopDoneTight();
            }
        }
        if (spec.ratePerS) {
            std::int64_t at;
            if (spec.poisson) {
                const double u = std::max(random01(), 1e-300);
                at = now +
                     std::max<std::int64_t>(0, std::llround(-std::log(u) / *spec.ratePerS * 1e6));
            } else {
                at = std::llround(static_cast<double>(arrivals) * 1e6 / *spec.ratePerS);
            }
            scheduleArrival(at);
        }
    }
    std::uint16_t clientHostIndex(std::uint16_t clientNumber) const {
        return clientNumber;  // clients come first in the host list
    }
    void refillPool(std::uint64_t k) {
        while (livePool < spec.pool) {
            const auto ch = static_cast<std::uint16_t>(static_cast<std::uint64_t>(livePool + k) %
                                                       static_cast<std::uint64_t>(spec.clients));
            const std::uint32_t ci = startConnect(clientHostIndex(ch), 0, true);
            if (ci == kNone) {
                return;
            }
            ++livePool;
        }
    }
    void servePending() {
        while (pendingRequests > 0 && !idlePool.empty()) {
            const std::uint32_t ci = idlePool.back();
            idlePool.pop_back();
            Conn& c = conns[ci];
            if (!c.inUse || !c.ep[0].present || c.ep[0].state != S::Established) {
                continue;
            }
            --pendingRequests;
            c.busy = true;
            sendData(c, 0, kRequestLen);
        }
    }
    void onPoolConnGone(Conn& c) {
        if (!c.pooled) {
            return;
        }
        c.pooled = false;
        --livePool;
        const auto self = c.self;
        idlePool.erase(std::remove(idlePool.begin(), idlePool.end(), self), idlePool.end());
        if (now < endUs) {
            refillPool(arrivals);
        }
    }

    // --- receiving ---
    void deliver(const Segment& seg) {
        Host& h = hosts[seg.dstHost];
        h.mib.add(InSegs);
        if (seg.conn != kNone) {
            Conn& c = conns[seg.conn];
            if (c.gen == seg.gen && c.ep[seg.toSide].present) {
                processFull(c, seg.toSide, seg);
                return;
            }
        }
        const std::uint32_t v = lookup(h, seg.key);
        if (v != TupleHashMap::kNone) {
            if ((v & kTwTag) != 0) {
                processTw(v & ~kTwTag, seg);
            } else {
                processFull(conns[v >> 1], static_cast<int>(v & 1U), seg);
            }
            return;
        }
        if ((seg.flags & (kSyn | kAck | kRst)) == kSyn && isListener(h, keyLocalPort(seg.key))) {
            listen(seg, 0);
            return;
        }
        noSocket(seg);
    }
    // The established hash of `h` (server-side sockets) or, for a client-side 4-tuple, the
    // destination's port slots (a TIME_WAIT / FIN_WAIT_2 mini-socket, or the full socket for
    // segments that carry no connection, such as a server-side mini-socket's ACK).
    std::uint32_t lookup(Host& h, std::uint64_t key) {
        const std::uint16_t rport = keyRemotePort(key);
        const std::uint16_t lport = keyLocalPort(key);
        if (h.clientIndex >= 0 && keyRemoteAddr(key) == serverAddr && isServerPort(rport) &&
            lport >= h.p.portLow && lport - h.p.portLow < static_cast<int>(h.remaining)) {
            const auto d = static_cast<std::uint16_t>(h.clientIndex * spec.serverPorts +
                                                      (rport - kServerBasePort));
            const std::uint32_t* slot = dests[d].twSlot(lport - h.p.portLow, false);
            return slot == nullptr || *slot == kNone ? TupleHashMap::kNone : *slot;
        }
        return h.ehash.find(key);
    }
    bool isServerPort(std::uint16_t port) const {
        return port >= kServerBasePort &&
               port < kServerBasePort + static_cast<std::uint16_t>(spec.serverPorts);
    }
    bool isListener(const Host& h, std::uint16_t port) const {
        return h.isServer && port >= kServerBasePort &&
               port < kServerBasePort + static_cast<std::uint16_t>(spec.serverPorts);
    }
    // tcp_v4_send_reset() from the no-socket path of tcp_v4_rcv().
    void noSocket(const Segment& seg) {
        const tcp::ResetReply r = tcp::tcp_v4_send_reset(seg.flags, seg.seqNo, seg.len, seg.ackNo);
        if (r.send) {
            sendRaw(seg.dstHost, seg.key, r.flags, r.seq, r.ack, false, 0);
        }
    }
    // A SYN at a listener (tcp_conn_request()); `isn` is non-zero when it came through a
    // TIME_WAIT (tcp_timewait_state_process() -> TCP_TW_SYN).
    void listen(const Segment& seg, std::uint32_t isn) {
        Host& h = hosts[seg.dstHost];
        if (seg.conn == kNone) {
            return;
        }
        Conn& c = conns[seg.conn];
        if (c.gen != seg.gen || !c.ep[0].present || c.ep[0].state != S::SynSent) {
            return;  // the connect() is gone: the SYN-ACK would meet no socket anyway
        }
        if (isn == 0 && h.p.twRecycle != 0) {
            // 4.9 tcp_peer_is_proven(): a SYN older than the peer's remembered timestamp
            // within TCP_PAWS_MSL is dropped silently.
            const auto it = h.peerStamps.find(keyRemoteAddr(seg.key));
            if (it != h.peerStamps.end() &&
                !tcp::tcp_peer_is_proven({true, it->second.ts, it->second.stampUs},
                                         seg.hasTs && h.p.timestamps != 0, seg.tsval, now)) {
                h.mib.add(PAWSPassiveRejected);
                return;
            }
        }
        Endpoint& s = c.ep[1];
        const std::uint64_t key = seg.key;
        s.iss = isn != 0 ? isn : isnFor(h, key);
        s.sndUna = s.iss;
        s.sndNxt = s.iss + 1;
        s.rcvNxt = seg.seqNo + 1;
        s.tsOk = seg.hasTs && h.p.timestamps != 0;
        s.tsRecent = seg.tsval;
        s.tsOffset = tsOffsetFor(h, key);
        s.present = true;
        s.rtxAt = 0;
        s.delackAt = 0;
        s.ackPending = false;
        s.orphan = false;
        s.finSent = false;
        s.retries = 0;
        s.rtoUs = kInitRtoUs;
        s.oldestSentUs = now;
        ++h.requestSocks;
        setState(s, S::SynRecv);
        h.ehash.insert(key, (seg.conn << 1) | 1U);
        portRef(h, keyLocalPort(s.key), +1);
        send(c, 1, kSyn | kAck, s.iss, 0);
        armRtx(c, 1);
    }
    void processFull(Conn& c, int side, const Segment& seg) {
        Endpoint& e = c.ep[side];
        Host& h = hostOf(e);
        if ((seg.flags & kRst) != 0) {
            if (e.state == S::SynSent) {
                if ((seg.flags & kAck) != 0 && seg.ackNo == e.sndNxt) {
                    onConnectFailed(c, ConnectOutcome::ConnRefused);
                    closeFull(c, side);
                }
                return;
            }
            // tcp_validate_incoming(): only an exact RST resets; one elsewhere in the window gets
            // a challenge ACK (the load model's window is the 64 KiB of the scenario engine).
            const tcp::RstCheck check = tcp::tcp_validate_rst(seg.seqNo, e.rcvNxt, 65535);
            if (check != tcp::RstCheck::Reset) [[unlikely]] {
                if (check == tcp::RstCheck::ChallengeAck) {
                    h.mib.add(TCPChallengeACK);
                    send(c, side, kAck, e.sndNxt, 0);
                }
                return;
            }
            if (e.state == S::Established || e.state == S::CloseWait) {
                h.mib.add(EstabResets);
            }
            const bool clientBeforeResponse = side == 0 && !c.loopDone;
            closeFull(c, side);
            if (clientBeforeResponse && !c.pooled) {
                loopDone(c);
            }
            return;
        }
        if (e.state == S::SynSent) {
            if ((seg.flags & (kSyn | kAck)) == (kSyn | kAck) && seg.ackNo == e.iss + 1) {
                e.rcvNxt = seg.seqNo + 1;
                e.sndUna = seg.ackNo;
                e.tsOk = seg.hasTs && h.p.timestamps != 0;
                e.tsRecent = seg.tsval;
                clearRtx(c, side);
                e.retries = 0;
                e.rtoUs = baseRtoUs;
                setState(e, S::Established);
                send(c, side, kAck, e.sndNxt, 0);
                onConnected(c);
            } else if ((seg.flags & kAck) != 0) {
                // tcp_rcv_synsent_state_process(): unacceptable ACK -> RST(seq = SEG.ACK)
                const tcp::ResetReply r =
                    tcp::tcp_v4_send_reset(seg.flags, seg.seqNo, seg.len, seg.ackNo);
                sendRaw(e.host, e.key, r.flags, r.seq, r.ack, false, 0);
            }
            return;
        }
        if ((seg.flags & kSyn) != 0) {
            if (e.state == S::SynRecv && (seg.flags & kAck) == 0) {
                send(c, side, kSyn | kAck, e.iss, 0);  // retransmitted SYN: answer again
                return;
            }
            // A SYN on a synchronized socket: challenge ACK (tcp_validate_incoming()).
            h.mib.add(TCPChallengeACK);
            send(c, side, kAck, e.sndNxt, 0);
            return;
        }
        if (e.tsOk && seg.hasTs) {
            e.tsRecent = seg.tsval;
        }
        if ((seg.flags & kAck) != 0 && seqAfter(seg.ackNo, e.sndUna) &&
            !seqAfter(seg.ackNo, e.sndNxt)) {
            e.sndUna = seg.ackNo;
            e.retries = 0;
            if (e.sndUna == e.sndNxt) {
                clearRtx(c, side);
                e.rtoUs = baseRtoUs;
            } else {
                e.oldestSentUs = now;
                clearRtx(c, side);
                armRtx(c, side);  // tcp_rearm_rto()
            }
            switch (e.state) {
                case S::SynRecv:
                    --h.requestSocks;
                    ++h.fullSocks;
                    h.mib.add(PassiveOpens);
                    e.rtoUs = baseRtoUs;
                    setState(e, S::Established);
                    break;
                case S::FinWait1:
                    if (e.sndUna == e.sndNxt) {
                        setState(e, S::FinWait2);
                        if (e.orphan && toFinWait2Orphan(c, side, (seg.flags & kFin) != 0, false)) {
                            return;
                        }
                    }
                    break;
                case S::Closing:
                    if (e.sndUna == e.sndNxt) {
                        toMini(c, side, S::TimeWait, h.p.timeWaitLenUs);
                        return;
                    }
                    break;
                case S::LastAck:
                    if (e.sndUna == e.sndNxt) {
                        closeFull(c, side);
                        return;
                    }
                    break;
                default:
                    break;
            }
        } else if (e.state == S::SynRecv) {
            return;  // no valid ACK yet
        }
        const bool fin = (seg.flags & kFin) != 0;
        if (seg.len == 0 && !fin) {
            return;
        }
        if (seg.seqNo != e.rcvNxt) {
            send(c, side, kAck, e.sndNxt, 0);  // duplicate or out of order: immediate ACK
            return;
        }
        if (seg.len > 0 && e.orphan) {
            // Data after close(): tcp_rcv_state_process() resets (TCPAbortOnData).
            h.mib.add(TCPAbortOnData);
            send(c, side, kRst | kAck, e.sndNxt, 0);
            closeFull(c, side);
            return;
        }
        e.rcvNxt += seg.len;
        const std::uint32_t gen = c.gen;
        if (seg.len > 0) {
            // tcp_event_data_recv(): the first data puts a new connection in quick-ACK mode.
            if (e.atoUs == 0) {
                e.quickAcks = kMaxQuickAcks;
                e.atoUs = kAtoMinUs;
            }
            e.lrcvUs = now;
        }
        if (!fin) {
            e.ackPending = true;
            if (e.quickAcks > 0 && !e.pingpong) {
                // __tcp_ack_snd_check(): tcp_in_quickack_mode() ACKs at once, from softirq,
                // before the application reads the data and replies.
                send(c, side, kAck, e.sndNxt, 0);
            }
            if (side == 1) {
                onRequestReceived(c);
            } else {
                onResponseReceived(c);
            }
            scheduleDelack(c, side, gen);
            return;
        }
        e.rcvNxt += 1;
        const bool hadData = seg.len > 0;
        switch (e.state) {
            case S::Established:
                setState(e, S::CloseWait);
                e.ackPending = true;
                if (hadData) {
                    side == 1 ? onRequestReceived(c) : onResponseReceived(c);
                }
                onEof(c, side);
                scheduleDelack(c, side, gen);
                break;
            case S::FinWait1:
                setState(e, S::Closing);  // simultaneous close
                send(c, side, kAck, e.sndNxt, 0);
                break;
            case S::FinWait2:
                send(c, side, kAck, e.sndNxt, 0);
                toMini(c, side, S::TimeWait, h.p.timeWaitLenUs);
                break;
            default:
                break;
        }
    }
    // tcp_timewait_state_process() (the rulebook's) and what tcp_v4_rcv() does with its verdict.
    void processTw(std::uint32_t i, const Segment& seg) {
        TwSock& tw = tws[i];
        Host& h = hosts[tw.host];
        const tcp::SegmentView v{seg.flags, seg.seqNo, seg.len, seg.hasTs, seg.tsval};
        tcp::TimeWaitSock view;
        view.substate = tw.substate;
        view.sndNxt = tw.sndNxt;
        view.rcvNxt = tw.rcvNxt;
        view.tsSeen = tw.tsSeen;
        view.ts = tcp::TsRecent{tw.tsRecent, tw.tsStampUs()};
        // tw_timeout of a recycled mini-socket: 3.5 x the base RTO (the load model keeps no RTO
        // per mini-socket).
        view.twTimeout = h.p.twRecycle != 0 && tw.tsSeen ? tcp::rto35(baseRtoUs) : 0;
        const tcp::TwResult r = tcp::tcp_timewait_state_process(
            view, {h.p.sysctls.profile, h.p.rfc1337 != 0, h.p.twRecycle != 0, h.p.timeWaitLenUs}, v,
            now);
        if (r.recordTs) {
            tw.tsRecent = seg.tsval;
            tw.tsStampMs = static_cast<std::uint32_t>(now / 1000);
        }
        if (r.pawsRejected) {
            h.mib.add(r.pawsMib);
        }
        if (r.enterTimeWait) {
            tw.rcvNxt = v.endSeq();
            countState(h, S::FinWait2, S::TimeWait);
            if (spec.traceStates) [[unlikely]] {
                traceState(tw.host, tw.key, S::FinWait2, S::TimeWait);
            }
            tw.substate = S::TimeWait;
            if (r.refreshEntryStamp) {
                tw.entryMs = static_cast<std::uint32_t>(now / 1000);
            }
            sendRaw(tw.host, tw.key, kAck, tw.sndNxt, tw.rcvNxt, tw.tsSeen, twTsOffset(tw));
            if (r.rearm == 0) {
                killTw(i);  // closelab.time_wait_len_ms=0
                return;
            }
            armTwTimer(i, now + r.rearm, r.rearm);
            scheduleReuse(i);
            return;
        }
        switch (r.verdict) {
            case tcp::TwVerdict::Kill:
                killTw(i);
                return;
            case tcp::TwVerdict::Rst:
                sendRaw(tw.host, tw.key, kRst, (seg.flags & kAck) != 0 ? seg.ackNo : tw.sndNxt, 0,
                        false, 0);
                killTw(i);
                return;
            case tcp::TwVerdict::Syn:
                if (isListener(h, keyLocalPort(tw.key))) {
                    killTw(i);
                    listen(seg, r.isn);
                    return;
                }
                sendRaw(tw.host, tw.key, kAck, tw.sndNxt, tw.rcvNxt, tw.tsSeen, twTsOffset(tw));
                return;
            case tcp::TwVerdict::Success:
                if (r.rearm > 0) {
                    armTwTimer(i, now + r.rearm, r.rearm);
                }
                return;
            case tcp::TwVerdict::Ack:
            case tcp::TwVerdict::AckOow:
                break;
        }
        if (r.rearm > 0) {
            armTwTimer(i, now + r.rearm, r.rearm);
        }
        if (r.verdict == tcp::TwVerdict::AckOow) {
            // tcp_timewait_check_oow_rate_limit()
            const auto it = tw.oowAcked ? lastOowAck.find(i) : lastOowAck.end();
            const std::int64_t last = it == lastOowAck.end() ? -1 : it->second;
            if (tcp::tcp_oow_rate_limited(v, last, h.p.sysctls.tcpInvalidRatelimitMs, now)) {
                h.mib.add(TCPACKSkippedTimeWait);
                return;
            }
            if (v.endSeq() == v.seq || (seg.flags & kSyn) != 0) {
                lastOowAck[i] = now;
                tw.oowAcked = true;
            }
        }
        sendRaw(tw.host, tw.key, kAck, tw.sndNxt, tw.rcvNxt, tw.tsSeen, twTsOffset(tw));
    }

    // --- timers ---
    void fire(const LoadTimer& t) {
        switch (t.kind) {
            case kTwReuse: {
                TwSock& tw = tws[t.obj];
                Host& h = hosts[tw.host];
                if (tw.gen == t.gen && reuseApplies(tw, h) && reuseReadyUs(tw, h) == t.t) {
                    markPort(h, dests[tw.dest], keyLocalPort(tw.key), true, true);
                }
                return;
            }
            default:
                break;
        }
        Conn& c = conns[t.obj];
        if (!c.inUse || c.gen != t.gen) {
            return;
        }
        Endpoint& e = c.ep[t.side];
        if (!e.present) {
            return;
        }
        switch (t.kind) {
            case kAppClose:
                appClose(c, t.side);
                if (t.side == 0 && !c.pooled) {
                    loopDone(c);
                }
                break;
            case kKeepalive:
                if (e.state == S::FinWait2) {
                    // tcp_keepalive_timer(): the rest as a mini-socket, or an RST if none is left.
                    const std::int64_t rest = tcp::tcp_keepalive_fin_wait2(finTime(e));
                    if (rest > 0) {
                        toMini(c, t.side, S::FinWait2, rest);
                    } else {
                        send(c, t.side, kRst | kAck, e.sndNxt, 0);
                        closeFull(c, t.side);
                    }
                }
                break;
            default:
                break;
        }
    }
    // The earliest endpoint timer expires: tcp_retransmit_timer() or tcp_delack_timer_handler().
    void fireEndpointTimer(std::uint32_t id) {
        Conn& c = conns[id >> 2];
        const int side = static_cast<int>((id >> 1) & 1U);
        Endpoint& e = c.ep[side];
        if ((id & 1U) == 0) {
            epTimers.cancel(id, e.rtxLink);
            e.rtxAt = 0;
            retransmit(c, side);
            return;
        }
        epTimers.cancel(id, e.delackLink);
        e.delackAt = 0;
        if (e.ackPending) {
            hostOf(e).mib.add(DelayedACKs);
            // tcp_delack_timer_handler(): a missed delayed ACK leaves pingpong mode.
            if (e.pingpong) {
                e.pingpong = false;
                e.atoUs = kAtoMinUs;
            }
            send(c, side, kAck, e.sndNxt, 0);
        }
    }
    // tcp_retransmit_timer() / tcp_write_timeout()
    void retransmit(Conn& c, int side) {
        Endpoint& e = c.ep[side];
        Host& h = hostOf(e);
        const bool timedOut = tcp::tcp_write_timeout(
            {e.state, e.orphan, e.retries},
            {h.p.synRetries, h.p.synackRetries, h.p.retries2, h.p.orphanRetries},
            now - e.oldestSentUs);
        if (e.state == S::SynSent) {
            if (timedOut) {
                onConnectFailed(c, ConnectOutcome::TimedOut);
                closeFull(c, side);
                return;
            }
        } else if (e.state == S::SynRecv) {
            if (timedOut) {
                closeFull(c, side);
                return;
            }
        } else {
            if (timedOut) {
                h.mib.add(TCPAbortOnTimeout);
                const bool client = side == 0;
                closeFull(c, side);
                if (client && !c.loopDone && !c.pooled) {
                    loopDone(c);
                }
                return;
            }
        }
        ++e.retries;
        h.mib.add(RetransSegs);
        h.mib.add(TCPTimeouts);
        if (tcp::countsSynRetrans(e.state)) {
            h.mib.add(TCPSynRetrans);
        }
        e.rtoUs = std::min(e.rtoUs * 2, kRtoMaxUs);
        if (e.state == S::SynSent) {
            send(c, side, kSyn, e.iss, 0);
        } else if (e.state == S::SynRecv) {
            send(c, side, kSyn | kAck, e.iss, 0);
        } else {
            if (seqAfter(e.dataEnd, e.sndUna)) {
                send(c, side, kAck | kPsh, e.sndUna,
                     static_cast<std::uint16_t>(e.dataEnd - e.sndUna));
            }
            if (e.finSent && seqAfter(e.sndNxt, e.sndUna)) {
                send(c, side, kFin | kAck, e.sndNxt - 1, 0);
            }
        }
        armRtx(c, side);
    }

    // --- sampling ---
    void sample(std::int64_t tUs) {
        result.tMs.push_back(tUs / 1000);
        for (std::size_t hi = 0; hi < hosts.size(); ++hi) {
            Host& h = hosts[hi];
            LoadHostSeries& s = result.hosts[hi];
            for (std::size_t st = 0; st < kLoadStateCount; ++st) {
                s.states[st].push_back(static_cast<std::uint32_t>(h.states[st]));
            }
            s.connectOk.push_back(h.interval[0]);
            for (std::size_t o = 1; o < kConnectOutcomeCount; ++o) {
                failedSeries(s, o).push_back(h.interval[o]);
            }
            s.portsInUse.push_back(h.portsInUse);
            s.memoryBytes.push_back(static_cast<std::uint64_t>(h.miniSocks) * kTwSlabBytes +
                                    static_cast<std::uint64_t>(h.fullSocks) * kFullSlabBytes +
                                    static_cast<std::uint64_t>(h.requestSocks) * kRequestSlabBytes);
            for (std::size_t m = 0; m < kMibCount; ++m) {
                auto& series = s.counterDeltas[mibKey(m)];
                series.push_back(
                    static_cast<std::int64_t>(h.mib.values()[m] - h.mibAtSample.values()[m]));
            }
            h.mibAtSample = h.mib;
            h.interval.fill(0);
        }
    }
    std::vector<std::uint32_t>& failedSeries(LoadHostSeries& s, std::size_t o) {
        return s.connectFailed[std::string(kConnectOutcomeNames[o])];
    }
};

LoadSimulator::Impl::Impl(const LoadSpec& s, std::vector<LoadHostParams> params) : spec(s) {
    const auto names = loadHostNames(spec);
    loopback = spec.loopback;
    lossy = spec.loss > 0.0;
    rttUs = effectiveRttUs(spec);
    owdUs = std::max<std::int64_t>(1, rttUs / 2);
    baseRtoUs = kRtoMinUs + rttUs;  // srtt + max(rttvar, rto_min): ss shows rto:204 on loopback
    endUs = static_cast<std::int64_t>(std::llround(spec.durationS * 1e6));
    rng = Rng(spec.seed ^ 0x636c6f73656c6162ULL);
    hosts.resize(names.size());
    int clientNumber = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        Host& h = hosts[i];
        h.name = names[i];
        h.p = params[i];
        h.addr = static_cast<std::uint16_t>(i + 1);
        h.secret = rng.next();
        h.allocator = PortAllocator(h.secret);
        h.tsBoot = static_cast<std::uint32_t>(h.secret >> 17);
        if (loopback) {
            h.address = "127.0.0.1";
            h.isServer = true;
            h.clientIndex = 0;
        } else if (h.name == "server") {
            h.address = "10.0.0.1";
            h.isServer = true;
            serverHost = static_cast<std::uint16_t>(i);
        } else if (h.name == "nat") {
            h.address = "203.0.113.1";
            h.isNat = true;
            natHost = static_cast<std::uint16_t>(i);
        } else {
            h.address = "10.0.1." + std::to_string(clientNumber + 1);
            h.clientIndex = clientNumber++;
        }
        h.ip = parseIpv4(h.address).value_or(0);
        const std::uint32_t span = static_cast<std::uint32_t>(h.p.portHigh) + 1 - h.p.portLow;
        // Every port of the range: the scan rounds its count down to even, but with an odd
        // span its wrap still reaches the last port (see pickPort()).
        h.remaining = span;
        h.reserved.assign(h.remaining, false);
        for (const auto& [lo, hi] : h.p.reservedPorts) {
            for (std::uint32_t port = lo; port <= hi; ++port) {
                if (port >= h.p.portLow && port - h.p.portLow < h.remaining) {
                    h.reserved[port - h.p.portLow] = true;
                }
            }
        }
        if (h.isServer) {
            // A listener's port was taken by bind(): connect() never picks it.
            for (int p = 0; p < spec.serverPorts; ++p) {
                const std::uint32_t port = kServerBasePort + static_cast<std::uint32_t>(p);
                if (port >= h.p.portLow && port - h.p.portLow < h.remaining) {
                    h.reserved[port - h.p.portLow] = true;
                }
            }
        }
    }
    for (Host& h : hosts) {
        for (std::uint32_t rel = 0; rel < h.remaining; ++rel) {
            if (h.reserved[rel]) {
                h.reservedRel.push_back(rel);
            }
        }
    }
    serverAddr = hosts[loopback ? 0 : serverHost].addr;
    serverIp = hosts[loopback ? 0 : serverHost].ip;
    dests.resize(static_cast<std::size_t>(std::max(clientNumber, 1) * spec.serverPorts));
    channelReuse = timers.channel(-1);  // monotone: entry time + delay
    result.spec = spec;
    result.spec.rttMs = static_cast<double>(rttUs) / 1000.0;
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        LoadHostSeries series;
        series.host = hosts[i].name;
        series.address = hosts[i].address;
        result.hosts.push_back(std::move(series));
        result.options.push_back({hosts[i].name, hosts[i].p.describe()});
    }
    // Listeners.
    Host& server = hosts[loopback ? 0 : serverHost];
    for (int p = 0; p < spec.serverPorts; ++p) {
        countState(server, S::Closed, S::Listen);
        ++server.fullSocks;
        portRef(server, static_cast<std::uint16_t>(kServerBasePort + p), +1);
    }
}

void LoadSimulator::Impl::run() {
    const std::int64_t sampleUs = spec.sampleMs * 1000;
    std::int64_t nextSampleUs = 0;
    scheduleArrival(0);
    for (;;) {
        // The earliest of: a timer, the next attempt (then compared with the wire below).
        std::int64_t t = std::numeric_limits<std::int64_t>::max();
        std::uint64_t seq = std::numeric_limits<std::uint64_t>::max();
        int source = -1;
        if (!timers.empty()) {
            const LoadTimer& top = timers.top();
            t = top.t;
            seq = top.seq;
            source = 1;
        }
        const std::uint32_t epId = epTimers.earliest();
        if (epId != TimerLink::kNoLink) {
            const TimerLink& l = epTimers.earliestLink();
            if (l.t < t || (l.t == t && l.seq() < seq)) {
                t = l.t;
                seq = l.seq();
                source = 3;
            }
        }
        const std::uint32_t twId = twTimers.earliest();
        if (twId != TimerLink::kNoLink) {
            const TimerLink& l = twTimers.earliestLink();
            if (l.t < t || (l.t == t && l.seq() < seq)) {
                t = l.t;
                seq = l.seq();
                source = 4;
            }
        }
        if (nextArrivalUs >= 0 &&
            (nextArrivalUs < t || (nextArrivalUs == t && nextArrivalSeq < seq))) {
            t = nextArrivalUs;
            seq = nextArrivalSeq;
            source = 2;
        }
        // Segments arrive in the order sent (one delay for all), so the wire is a FIFO.
        const std::int64_t otherT = t;
        const std::uint64_t otherSeq = seq;
        if (!wire.empty() &&
            (source < 0 || wire.front().t < t || (wire.front().t == t && wire.front().seq < seq))) {
            t = wire.front().t;
            source = 0;
        }
        while (nextSampleUs <= endUs && (source < 0 || nextSampleUs < t)) {
            now = nextSampleUs;
            sample(nextSampleUs);
            nextSampleUs += sampleUs;
        }
        if (source < 0 || t > endUs) {
            break;
        }
        // Time never runs backwards: every schedule goes through lowerBound() (checked in the
        // debug build that CI runs under the sanitizers).
        assert(t >= now);
        now = t;
        ++events;
        if (--pollCountdown == 0) {
            poll();
        }
        if (source == 0) {
            // Deliver segments until another event, the next sample or the end comes first.
            // Anything scheduled meanwhile lowers the bound (lowerBound()); a cancelled timer
            // only makes it early, which ends the burst sooner.
            boundT = otherT;
            boundSeq = otherSeq;
            const std::int64_t limit = nextSampleUs <= endUs ? nextSampleUs : endUs;
            for (;;) {
                const Segment seg = wire.front();
                wire.pop();
                deliver(seg);
                if (wire.empty()) {
                    break;
                }
                const Segment& next = wire.front();
                if (next.t > limit ||
                    !(next.t < boundT || (next.t == boundT && next.seq < boundSeq))) {
                    break;
                }
                assert(next.t >= now);
                now = next.t;
                ++events;
            }
        } else if (source == 1) {
            const LoadTimer top = timers.top();
            timers.pop();
            fire(top);
        } else if (source == 3) {
            fireEndpointTimer(epId);
        } else if (source == 4) {
            killTw(twId);  // tw_timer_handler()
        } else {
            onArrival();
        }
    }
    // Summary.
    auto& sum = result.summary;
    sum.eventsProcessed = events;
    sum.segmentsSent = segmentsSent;
    for (std::size_t hi = 0; hi < hosts.size(); ++hi) {
        Host& h = hosts[hi];
        auto& peak = sum.peak[h.name];
        for (std::size_t st = 0; st < kLoadStateCount; ++st) {
            peak[std::string(kLoadStateNames[st])] = h.peak[st];
        }
        auto& counters = sum.counters[h.name];
        for (std::size_t m = 0; m < kMibCount; ++m) {
            if (h.mib.values()[m] != 0) {
                counters[mibKey(m)] = static_cast<std::int64_t>(h.mib.values()[m]);
            }
        }
        // Keep only the series that say something.
        auto& series = result.hosts[hi];
        for (auto it = series.counterDeltas.begin(); it != series.counterDeltas.end();) {
            const auto m = static_cast<std::size_t>(
                std::find_if(tcp::kMibTable.begin(), tcp::kMibTable.end(),
                             [&](const tcp::MibInfo& n) { return it->first == n.name; }) -
                tcp::kMibTable.begin());
            if (h.mib.values()[m] == 0) {
                it = series.counterDeltas.erase(it);
            } else {
                ++it;
            }
        }
        for (std::size_t o = 1; o < kConnectOutcomeCount; ++o) {
            if (!h.outcomeSeen[o]) {
                series.connectFailed.erase(std::string(kConnectOutcomeNames[o]));
            }
        }
    }
    // Failure windows: runs of sampling intervals in which some attempt failed.
    for (std::size_t k = 0; k < result.tMs.size(); ++k) {
        std::uint64_t failed = 0;
        for (const auto& series : result.hosts) {
            for (const auto& [name, values] : series.connectFailed) {
                failed += values[k];
            }
        }
        if (failed == 0) {
            continue;
        }
        const std::int64_t start = k == 0 ? 0 : result.tMs[k - 1];
        if (!sum.failureWindows.empty() && sum.failureWindows.back().endMs == start) {
            sum.failureWindows.back().endMs = result.tMs[k];
            sum.failureWindows.back().failed += failed;
        } else {
            sum.failureWindows.push_back({start, result.tMs[k], failed});
        }
    }
}

LoadSimulator::LoadSimulator(const LoadSpec& spec, std::vector<LoadHostParams> params)
    : m_impl(std::make_unique<Impl>(spec, std::move(params))) {}

LoadSimulator::~LoadSimulator() = default;

LoadResult LoadSimulator::run(const LoadControl* control) {
    m_impl->control = control;
    m_impl->run();
    return std::move(m_impl->result);
}

LoadEngineFootprint LoadSimulator::footprint() const {
    LoadEngineFootprint f;
    std::size_t hashBytes = 0;
    for (const auto& h : m_impl->hosts) {
        f.miniSockets += static_cast<std::size_t>(h.miniSocks);
        hashBytes += h.ehash.bytes();
    }
    for (const auto& d : m_impl->dests) {
        hashBytes += d.twByPort.size() * (8 + 1024 * 4);
    }
    f.miniSocketBytes = m_impl->tws.capacityBytes() + hashBytes + m_impl->timers.bytes() +
                        m_impl->freeTws.capacity() * 4;
    return f;
}

}  // namespace closelab::core
