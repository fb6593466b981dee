#include "capture/tracker.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>

namespace closelab::capture {

using core::NoteId;
using core::TcpState;

namespace {

constexpr std::int64_t kTimeWaitUs = 60'000'000;  // TCP_TIMEWAIT_LEN
constexpr std::uint8_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kAck = 0x10;

bool seqGe(std::uint32_t a, std::uint32_t b) {
    return static_cast<std::int32_t>(a - b) >= 0;
}
bool seqGt(std::uint32_t a, std::uint32_t b) {
    return static_cast<std::int32_t>(a - b) > 0;
}

void appendDecimal(std::string& out, unsigned v) {
    char buf[10];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        out += buf[--n];
}

std::string addrText(std::uint8_t family, const std::array<std::uint8_t, 16>& a) {
    if (family == 4) {  // the common case, without inet_ntop's printf
        std::string out;
        out.reserve(15);
        for (int i = 0; i < 4; ++i) {
            if (i > 0)
                out += '.';
            appendDecimal(out, a[static_cast<std::size_t>(i)]);
        }
        return out;
    }
    char buf[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, a.data(), buf, sizeof buf);
    return buf;
}
std::string endpointText(std::uint8_t family, const std::array<std::uint8_t, 16>& a,
                         std::uint16_t port) {
    std::string out = family == 4 ? addrText(family, a) : '[' + addrText(family, a) + ']';
    out += ':';
    appendDecimal(out, port);
    return out;
}

}  // namespace

struct Tracker::Conn {
    struct Side {
        TcpState state = TcpState::Closed;
        bool seen = false;  // sent anything
        std::uint32_t isn = 0;
        bool isnKnown = false;
        std::uint32_t nxt = 0;  // highest seq + len (+SYN/FIN) sent
        bool finSent = false;
        bool finAcked = false;
        bool finAckSeen = false;  // the peer's ACK of this side's FIN was seen
        std::uint32_t finSeq = 0;
        int finRetrans = 0;
        bool sentRst = false;
        bool tw = false;
        std::int64_t twStartUs = 0;
        bool zeroWinNoted = false;
        bool keepaliveNoted = false;
    };
    Key key{};
    std::uint32_t generation = 0;
    int index = 0;
    std::uint8_t family = 4;
    std::array<std::uint8_t, 16> clientAddr{};
    std::array<std::uint8_t, 16> serverAddr{};
    std::uint16_t clientPort = 0;
    std::uint16_t serverPort = 0;
    std::uint32_t clientMaxTs = 0;
    bool clientTsSeen = false;
    bool peerTsPublished = false;
    std::string client, server, clientIp, serverIp;
    Side side[2];  // 0 client, 1 server
    std::uint64_t segments = 0;
    std::int64_t firstUs = 0, lastUs = 0;
    bool midStream = false;
    int synCount = 0;
    bool synAcked = false;
    std::uint32_t synTsval = 0;
    bool synHasTs = false;
    bool recycleSuspect = false;
    std::uint32_t recycleCached = 0;
    int firstCloser = -1;  // 0, 1 or 2 (both)
    bool rst = false;
    bool finished = false;
    bool dataAfterFinNoted = false;
    int challengeFrom = -1;  // a side that sent a SYN in a synchronized state
    int challenged = -1;     // the side whose SYN got a challenge ACK (its RST is the answer)
    std::int64_t finishedUs = 0;
    std::vector<std::string> anomalies;
    std::unique_ptr<core::Recording> rec;

    const char* host(int s) const { return s == 0 ? "client" : "server"; }

    // The text forms of the ends, built only when a note, a Recording or the summary needs them.
    void names() {
        if (!client.empty())
            return;
        client = endpointText(family, clientAddr, clientPort);
        server = endpointText(family, serverAddr, serverPort);
        clientIp = addrText(family, clientAddr);
        serverIp = addrText(family, serverAddr);
    }

    void transition(std::int64_t t, int s, TcpState to, const char* cause) {
        Side& sd = side[s];
        if (sd.state == to)
            return;
        if (rec) {
            core::RecTransition tr;
            tr.tUs = t - firstUs;
            tr.host = host(s);
            tr.socket = s + 1;
            tr.local = s == 0 ? client : server;
            tr.remote = s == 0 ? server : client;
            tr.from = sd.state;
            tr.to = to;
            tr.cause = cause;
            tr.connection = 1;
            rec->transitions.push_back(std::move(tr));
        }
        sd.state = to;
        if (to == TcpState::TimeWait) {
            sd.tw = true;
            sd.twStartUs = t;
            if (rec)
                note(t, NoteId::TimeWaitEntered,
                     {{"host", host(s)},
                      {"local", s == 0 ? client : server},
                      {"remote", s == 0 ? server : client},
                      {"ms", "60000"}});
        }
    }

    void note(std::int64_t t, NoteId id, std::vector<std::pair<std::string, std::string>> args) {
        if (rec)
            rec->notes.push_back(core::Note{t - firstUs, id, std::move(args)});
    }

    void anomaly(std::int64_t t, NoteId id, std::vector<std::pair<std::string, std::string>> args) {
        const std::string_view key = core::noteKey(id);
        if (std::find(anomalies.begin(), anomalies.end(), key) == anomalies.end())
            anomalies.emplace_back(key);
        note(t, id, std::move(args));
    }

    bool closedOrTw(int s) const {
        return side[s].state == TcpState::Closed || side[s].state == TcpState::TimeWait;
    }
    bool done() const {
        return closedOrTw(0) && closedOrTw(1) && (rst || side[0].finSent || side[1].finSent);
    }
    std::int64_t expiryUs() const {
        std::int64_t at = finishedUs;
        for (const auto& sd : side) {
            if (sd.tw)
                at = std::max(at, sd.twStartUs + kTimeWaitUs);
        }
        return at;
    }
};

bool Tracker::Key::operator==(const Key& o) const {
    return std::memcmp(w, o.w, sizeof w) == 0;
}

std::size_t Tracker::KeyHash::operator()(const Key& k) const {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (const auto x : k.w)
        h = (h ^ x) * 0xff51afd7ed558ccdULL;
    h ^= h >> 33;  // murmur3's finalizer: every input bit reaches the low bits the table uses
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return static_cast<std::size_t>(h);
}

Tracker::FlatMap::FlatMap() : m_entries(1024, Entry{0, kNone}), m_mask(1023) {}

void Tracker::FlatMap::insert(std::uint64_t hash, std::uint32_t value) {
    if ((m_size + 1) * 2 > m_entries.size())
        grow();
    const auto tag = static_cast<std::uint32_t>(hash);
    for (std::size_t i = tag & m_mask;; i = (i + 1) & m_mask) {
        if (m_entries[i].value == kNone) {
            m_entries[i] = Entry{tag, value};
            ++m_size;
            return;
        }
    }
}

void Tracker::FlatMap::eraseValue(std::uint64_t hash, std::uint32_t value) {
    const auto tag = static_cast<std::uint32_t>(hash);
    std::size_t i = tag & m_mask;
    for (;; i = (i + 1) & m_mask) {
        const Entry& e = m_entries[i];
        if (e.value == kNone)
            return;
        if (e.value == value)
            break;
    }
    // Backward shift: move later entries of the cluster into the hole when their home allows.
    std::size_t hole = i;
    for (std::size_t j = (i + 1) & m_mask; m_entries[j].value != kNone; j = (j + 1) & m_mask) {
        const std::size_t home = m_entries[j].tag & m_mask;
        const bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
        if (movable) {
            m_entries[hole] = m_entries[j];
            hole = j;
        }
    }
    m_entries[hole].value = kNone;
    --m_size;
}

void Tracker::FlatMap::grow() {
    std::vector<Entry> old(m_entries.size() * 2, Entry{0, kNone});
    old.swap(m_entries);
    m_mask = m_entries.size() - 1;
    m_size = 0;
    for (const auto& e : old) {
        if (e.value != kNone)
            insert(e.tag, e.value);
    }
}

std::size_t Tracker::AddrHash::operator()(const std::array<std::uint8_t, 17>& a) const {
    std::uint64_t x = 0, y = 0;
    std::memcpy(&x, a.data(), 8);
    std::memcpy(&y, a.data() + 8, 8);
    std::uint64_t h = (x * 0x9e3779b97f4a7c15ULL) ^ (y + a[16]) * 0xbf58476d1ce4e5b9ULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
}

Tracker::Tracker(const CaptureOptions& options) : m_options(options) {}

Tracker::~Tracker() = default;

namespace {

// The two ends ordered (address, port) so that both directions give the same key.
Tracker::Key makeKey(const TcpPacket& p, bool& srcFirst) {
    const int c = std::memcmp(p.src.data(), p.dst.data(), 16);
    srcFirst = c < 0 || (c == 0 && p.sport <= p.dport);
    const auto& a = srcFirst ? p.src : p.dst;
    const auto& b = srcFirst ? p.dst : p.src;
    const std::uint16_t pa = srcFirst ? p.sport : p.dport;
    const std::uint16_t pb = srcFirst ? p.dport : p.sport;
    Tracker::Key k{};
    std::memcpy(&k.w[0], a.data(), 16);
    std::memcpy(&k.w[2], b.data(), 16);
    k.w[4] = (std::uint64_t{pa} << 32) | (std::uint64_t{pb} << 16) | p.family;
    return k;
}

}  // namespace

std::uint32_t Tracker::newConn(const Key& key, const TcpPacket& p, bool fromSyn) {
    std::uint32_t slot;
    if (!m_free.empty()) {
        slot = m_free.back();
        m_free.pop_back();
    } else {
        slot = static_cast<std::uint32_t>(m_slots.size());
        m_slots.emplace_back();
    }
    const std::uint32_t generation = m_slots[slot] ? m_slots[slot]->generation + 1 : 0;
    if (m_slots[slot])
        *m_slots[slot] = Conn();  // reuse the object of a finished connection
    else
        m_slots[slot] = std::make_unique<Conn>();
    Conn& c = *m_slots[slot];
    c.generation = generation;
    c.key = key;
    c.index = static_cast<int>(m_summaries.size()) + 1;
    c.family = p.family;
    // The client is the sender of a SYN, the receiver of a SYN-ACK, otherwise (mid-stream) the end
    // with the higher port (the ephemeral one).
    const bool srcIsClient = (p.flags & kSyn) ? !(p.flags & kAck) : p.sport >= p.dport;
    c.clientAddr = srcIsClient ? p.src : p.dst;
    c.clientPort = srcIsClient ? p.sport : p.dport;
    c.serverAddr = srcIsClient ? p.dst : p.src;
    c.serverPort = srcIsClient ? p.dport : p.sport;
    c.firstUs = p.tUs;
    c.lastUs = p.tUs;
    const bool wanted = m_options.connection == c.index ||
                        (m_options.keepAll && m_detailSegments < m_options.detailSegmentCap);
    if (wanted) {
        c.names();
        c.rec = std::make_unique<core::Recording>();
        c.rec->source = "capture";
        c.rec->hosts = {{"client", "client", c.clientIp}, {"server", "server", c.serverIp}};
        c.rec->options.resize(2);
    }
    if (fromSyn && !(p.flags & kAck)) {
        c.side[1].state = TcpState::Listen;  // someone answers SYNs on that port, or should
    } else {
        c.midStream = !(p.flags & kSyn);
        if (c.midStream) {
            c.side[0].state = TcpState::Established;
            c.side[1].state = TcpState::Established;
        } else {
            c.side[0].state = TcpState::SynSent;  // the SYN itself was not captured
            c.side[1].state = TcpState::Listen;
        }
    }
    m_summaries.emplace_back();
    m_summaries.back().index = c.index;
    m_peakLive = std::max(m_peakLive, ++m_live);
    m_map.insert(KeyHash{}(key), slot);
    return slot;
}

void Tracker::publishTs(Conn& c) {
    if (!c.clientTsSeen || !c.synAcked || c.peerTsPublished)
        return;
    c.peerTsPublished = true;
    std::array<std::uint8_t, 17> addr{};
    std::memcpy(addr.data(), c.clientAddr.data(), 16);
    addr[16] = c.family;
    auto [pos, inserted] = m_peerTs.try_emplace(addr, c.clientMaxTs);
    if (!inserted && static_cast<std::int32_t>(c.clientMaxTs - pos->second) > 0)
        pos->second = c.clientMaxTs;
}

void Tracker::finalize(std::uint32_t slot) {
    Conn& c = *m_slots[slot];
    c.names();
    // SYNs never answered: a drop at the server, perhaps tcp_tw_recycle's timestamp check.
    if (c.synCount > 0 && !c.synAcked && !c.rst) {
        c.anomaly(
            c.lastUs, NoteId::CaptureSynUnanswered,
            {{"host", "client"}, {"count", std::to_string(c.synCount)}, {"remote", c.server}});
        if (c.recycleSuspect) {
            c.anomaly(c.lastUs, NoteId::RecycleSynDropped,
                      {{"host", "server"},
                       {"remote", c.clientIp},
                       {"tsval", std::to_string(c.synTsval)},
                       {"cached", std::to_string(c.recycleCached)}});
        }
    }
    for (int s = 0; s < 2; ++s) {
        if (c.side[s].state == TcpState::TimeWait) {
            const std::int64_t end = c.side[s].twStartUs + kTimeWaitUs;
            if (c.rec) {
                if (c.rec)
                    c.note(end, NoteId::TimeWaitExpired,
                           {{"host", c.host(s)},
                            {"local", s == 0 ? c.client : c.server},
                            {"remote", s == 0 ? c.server : c.client},
                            {"ms", "60000"}});
            }
            c.transition(end, s, TcpState::Closed, "timer");
        }
        if (c.side[s].state == TcpState::CloseWait) {
            if (c.rec)
                c.note(c.lastUs, NoteId::CloseWaitStays,
                       {{"host", c.host(s)},
                        {"local", s == 0 ? c.client : c.server},
                        {"remote", s == 0 ? c.server : c.client},
                        {"ms", std::to_string((c.lastUs - c.firstUs) / 1000)}});
        }
    }
    ConnectionSummary& out = m_summaries[static_cast<std::size_t>(c.index - 1)];
    out.index = c.index;
    out.client = c.client;
    out.server = c.server;
    out.firstClose = c.firstCloser == 0   ? "client"
                     : c.firstCloser == 1 ? "server"
                     : c.firstCloser == 2 ? "both"
                                          : "none";
    out.close = c.rst                                      ? "rst"
                : (c.side[0].finSent && c.side[1].finSent) ? "fin"
                : (c.side[0].finSent || c.side[1].finSent) ? "half"
                                                           : "open";
    out.timeWaitSide = c.side[0].tw && c.side[1].tw ? "both"
                       : c.side[0].tw               ? "client"
                       : c.side[1].tw               ? "server"
                                                    : "none";
    out.anomalies = std::move(c.anomalies);
    out.segments = c.segments;
    out.firstUs = c.firstUs;
    out.lastUs = c.lastUs;
    out.midStream = c.midStream;
    if (c.rec) {
        std::int64_t end = c.lastUs - c.firstUs;
        for (const auto& t : c.rec->transitions)
            end = std::max(end, t.tUs);
        c.rec->endUs = end;
        c.rec->scenario = "capture#" + std::to_string(c.index);
        std::stable_sort(c.rec->transitions.begin(), c.rec->transitions.end(),
                         [](const auto& a, const auto& b) { return a.tUs < b.tUs; });
        std::stable_sort(c.rec->notes.begin(), c.rec->notes.end(),
                         [](const auto& a, const auto& b) { return a.t < b.t; });
        out.recording = std::shared_ptr<const core::Recording>(std::move(c.rec));
    }
    m_map.eraseValue(KeyHash{}(c.key), slot);
    c.finished = true;
    --m_live;
    m_free.push_back(slot);
}

void Tracker::expire(std::int64_t now) {
    while (!m_expiries.empty() && m_expiries.front().atUs <= now) {
        const Expiry e = m_expiries.front();
        m_expiries.pop_front();
        Conn* c = m_slots[e.slot].get();
        if (c == nullptr || c->generation != e.generation || c->finished)
            continue;
        const std::int64_t at = c->expiryUs();
        if (at > now) {  // a retransmitted FIN restarted a TIME_WAIT
            m_expiries.push_back({at, e.slot, e.generation});
            continue;
        }
        finalize(e.slot);
    }
}

void Tracker::add(const TcpPacket& p) {
    expire(p.tUs - 1);
    bool srcFirst = false;
    const Key key = makeKey(p, srcFirst);
    const std::uint32_t mapped = m_map.find(
        key, KeyHash{}(key), [this](std::uint32_t s) -> const Key& { return m_slots[s]->key; });
    const bool syn = (p.flags & (kSyn | kAck)) == kSyn;
    if (mapped == FlatMap::kNone) {
        const std::uint32_t slot = newConn(key, p, syn);
        process(*m_slots[slot], p);
        return;
    }
    std::uint32_t slot = mapped;
    Conn* c = m_slots[slot].get();
    const bool fromClient =
        std::memcmp(p.src.data(), c->clientAddr.data(), 16) == 0 && p.sport == c->clientPort;
    if (syn) {
        const Conn::Side& cs = c->side[0];
        const bool sameSyn = fromClient && cs.isnKnown && cs.isn == p.seq;
        const bool previousOver = c->done() || (c->synCount > 0 && !c->synAcked && !sameSyn);
        if (previousOver) {
            // A new incarnation of the 4-tuple. Within 60 s of a TIME_WAIT, say so.
            int twSide = -1;
            std::int64_t twAge = 0;
            for (int s = 0; s < 2; ++s) {
                const auto& sd = c->side[s];
                if (sd.tw && sd.state == TcpState::TimeWait && p.tUs - sd.twStartUs < kTimeWaitUs) {
                    if (twSide < 0) {
                        twSide = s;
                        twAge = p.tUs - sd.twStartUs;
                    } else {
                        twSide = 2;
                    }
                }
            }
            const std::string twHost = twSide == 2   ? std::string("client, server")
                                       : twSide == 0 ? std::string("client")
                                                     : std::string("server");
            finalize(slot);
            slot = newConn(key, p, true);
            c = m_slots[slot].get();
            if (twSide >= 0) {
                c->names();
                c->anomaly(p.tUs, NoteId::CaptureSynOnTimeWait,
                           {{"host", "client"},
                            {"local", c->client},
                            {"remote", c->server},
                            {"age_ms", std::to_string(twAge / 1000)},
                            {"tw_host", twHost}});
            }
        } else if (!sameSyn && c->synAcked) {
            // A SYN in a synchronized state: Linux answers with a challenge ACK (RFC 5961).
            c->challengeFrom = fromClient ? 0 : 1;
        }
    }
    process(*c, p);
    if (!c->finished && c->done() && c->finishedUs == 0) {
        c->finishedUs = p.tUs;
        publishTs(*c);
        m_expiries.push_back({c->expiryUs(), slot, c->generation});
    }
}

void Tracker::process(Conn& c, const TcpPacket& p) {
    const bool fromClient =
        std::memcmp(p.src.data(), c.clientAddr.data(), 16) == 0 && p.sport == c.clientPort;
    const int x = fromClient ? 0 : 1;
    const int y = 1 - x;
    Conn::Side& me = c.side[x];
    Conn::Side& peer = c.side[y];
    const std::int64_t t = p.tUs;
    ++c.segments;
    c.lastUs = t;
    if (c.rec) {
        core::RecSegment s;
        s.tUs = t - c.firstUs;
        s.from = c.host(x);
        s.to = c.host(y);
        s.src = x == 0 ? c.client : c.server;
        s.dst = x == 0 ? c.server : c.client;
        s.flags = p.flags & 0x1f;
        s.seq = p.seq;
        s.ack = p.ack;
        s.len = p.len;
        s.win = p.win;
        s.hasTs = p.hasTs;
        s.tsval = p.tsval;
        s.tsecr = p.tsecr;
        s.arriveUs = s.tUs;  // the capture point cannot tell when (or whether) it arrived
        s.connection = 1;
        s.socket = x + 1;
        c.rec->segments.push_back(std::move(s));
        ++m_detailSegments;
    }
    const bool isSyn = p.flags & kSyn;
    const bool isAck = p.flags & kAck;
    const bool isFin = p.flags & kFin;
    const bool isRst = p.flags & kRst;

    // Per-address timestamps (what tcp_tw_recycle's peer cache would hold), client side only:
    // the connection keeps its highest, the cache is consulted at its SYN and filled when it
    // closes.
    if (p.hasTs && x == 0) {
        if (isSyn && !isAck && c.synCount == 0) {
            std::array<std::uint8_t, 17> addr{};
            std::memcpy(addr.data(), p.src.data(), 16);
            addr[16] = p.family;
            const auto pos = m_peerTs.find(addr);
            if (pos != m_peerTs.end() && static_cast<std::int32_t>(p.tsval - pos->second) < 0) {
                c.recycleSuspect = true;
                c.recycleCached = pos->second;
            }
        }
        if (!c.clientTsSeen || static_cast<std::int32_t>(p.tsval - c.clientMaxTs) > 0)
            c.clientMaxTs = p.tsval;
        c.clientTsSeen = true;
    }

    const std::uint32_t end = p.seq + p.len + (isSyn ? 1u : 0u) + (isFin ? 1u : 0u);
    if (!me.seen || seqGt(end, me.nxt))
        me.nxt = end;
    const bool keepaliveShape =
        me.seen && !isSyn && !isFin && !isRst && p.len <= 1 && p.seq + 1 == me.nxt && isAck;
    me.seen = true;

    // Handshake.
    if (isSyn && !isAck) {
        if (x == 0) {
            if (c.synCount == 0) {
                me.isn = p.seq;
                me.isnKnown = true;
                c.synTsval = p.tsval;
                c.synHasTs = p.hasTs;
                c.transition(t, 0, TcpState::SynSent, "connect()");
            } else if (me.isnKnown && me.isn == p.seq) {
                if (c.rec)
                    c.note(t, NoteId::SynRetransmitted, {{"host", "client"}});
            }
            ++c.synCount;
        }
    } else if (isSyn && isAck) {
        if (!me.isnKnown) {
            me.isn = p.seq;
            me.isnKnown = true;
        }
        c.synAcked = true;
        if (me.state == TcpState::Listen || me.state == TcpState::Closed)
            c.transition(t, x, TcpState::SynRecv, "rcv SYN");
        if (peer.state == TcpState::SynSent) {
            c.transition(t, y, TcpState::Established, "rcv SYN-ACK");
            if (c.rec)
                c.note(t, NoteId::ConnectionEstablished,
                       {{"host", c.host(y)},
                        {"local", y == 0 ? c.client : c.server},
                        {"remote", y == 0 ? c.server : c.client}});
        }
    }
    if (!me.isnKnown && !isSyn) {
        me.isn = p.seq;
        me.isnKnown = true;
    }

    // A challenge ACK: the answer to a SYN that hit a synchronized connection.
    if (c.challengeFrom == y && isAck && !isSyn && !isRst) {
        c.anomaly(t, NoteId::ChallengeAck,
                  {{"host", c.host(x)}, {"state", std::string(core::stateName(me.state))}});
        c.challengeFrom = -1;
        c.challenged = y;
    }

    if (isRst) {
        me.sentRst = true;
        c.rst = true;
        if (c.firstCloser < 0 && !peer.finSent)
            c.firstCloser = x;
        if (c.challenged == x) {
            // The answer to a challenge ACK: the stale connection ends, as RFC 5961 intends.
        } else if (me.state == TcpState::Established || me.state == TcpState::CloseWait) {
            c.anomaly(t, NoteId::CaptureRstClose,
                      {{"host", c.host(x)}, {"state", std::string(core::stateName(me.state))}});
        } else if ((me.state == TcpState::FinWait1 || me.state == TcpState::FinWait2) &&
                   c.dataAfterFinNoted) {
            c.anomaly(t, NoteId::FinWait2DataRst,
                      {{"host", c.host(x)}, {"state", std::string(core::stateName(me.state))}});
        }
        if (me.state != TcpState::TimeWait)
            c.transition(t, x, TcpState::Closed, "RST sent");
        if (peer.state != TcpState::Closed && peer.state != TcpState::Listen) {
            if (c.rec)
                c.note(t, NoteId::RstReceived,
                       {{"host", c.host(y)}, {"from", std::string(core::stateName(peer.state))}});
            c.transition(t, y, TcpState::Closed, "rcv RST");
        }
        return;
    }

    if (p.win == 0 && !isSyn && !me.zeroWinNoted) {
        me.zeroWinNoted = true;
        c.anomaly(t, NoteId::CaptureZeroWindow, {{"host", c.host(x)}});
    }
    if (keepaliveShape && !me.finSent) {
        if (!me.keepaliveNoted) {
            me.keepaliveNoted = true;
            c.anomaly(t, NoteId::CaptureKeepalive, {{"host", c.host(x)}});
        }
    }

    // Data after a FIN: after the peer's (the peer may have only shut down its writing side)
    // or after its own (no Linux stack does that).
    if (p.len > 0 && !c.dataAfterFinNoted) {
        const bool afterPeerFin = peer.finSent;
        const bool afterOwnFin = me.finSent && seqGt(p.seq + p.len, me.finSeq);
        if (afterPeerFin || afterOwnFin) {
            c.dataAfterFinNoted = true;
            c.anomaly(t, NoteId::CaptureDataAfterFin,
                      {{"host", c.host(x)},
                       {"bytes", std::to_string(p.len)},
                       {"fin_host", c.host(afterPeerFin ? y : x)}});
        }
    }

    // What this segment acknowledges.
    if (isAck) {
        if (peer.state == TcpState::SynRecv && peer.isnKnown && seqGe(p.ack, peer.isn + 1) &&
            !isSyn) {
            c.transition(t, y, TcpState::Established, "rcv ACK");
        }
        if (peer.finSent && seqGe(p.ack, peer.finSeq + 1)) {
            peer.finAckSeen = true;
            if (!peer.finAcked) {
                peer.finAcked = true;
                switch (peer.state) {
                    case TcpState::FinWait1:
                        if (c.rec)
                            c.note(t, NoteId::FinAcked, {{"host", c.host(y)}});
                        c.transition(t, y, TcpState::FinWait2, "rcv ACK");
                        break;
                    case TcpState::Closing:
                        c.transition(t, y, TcpState::TimeWait, "rcv ACK");
                        break;
                    case TcpState::LastAck:
                        if (c.rec)
                            c.note(t, NoteId::LastAckDone, {{"host", c.host(y)}});
                        c.transition(t, y, TcpState::Closed, "rcv ACK");
                        break;
                    default:
                        break;
                }
            }
        }
    }

    if (isFin) {
        const std::uint32_t finSeq = p.seq + p.len;
        if (me.finSent && finSeq == me.finSeq) {
            ++me.finRetrans;
            c.anomaly(t, NoteId::CaptureFinRetransmit,
                      {{"host", c.host(x)},
                       {"attempt", std::to_string(me.finRetrans)},
                       {"peer", c.host(y)}});
            if (peer.state == TcpState::TimeWait) {
                peer.twStartUs = t;  // the re-ACK restarts the 60 s
                if (c.rec)
                    c.note(t, NoteId::TimeWaitReAck, {{"host", c.host(y)}, {"ms", "60000"}});
            }
            if (me.state == TcpState::Closed && me.finAcked && !c.rst) {
                // The ACK seen here never reached it: it was still in LAST_ACK. Take back the
                // CLOSED inferred from that ACK; the next ACK closes it.
                if (c.rec) {
                    auto& trs = c.rec->transitions;
                    for (auto it = trs.rbegin(); it != trs.rend(); ++it) {
                        if (it->host == c.host(x) && it->to == TcpState::Closed) {
                            trs.erase(std::next(it).base());
                            break;
                        }
                    }
                    auto& notes = c.rec->notes;
                    for (auto it = notes.rbegin(); it != notes.rend(); ++it) {
                        if (it->id == NoteId::LastAckDone && it->arg("host") == c.host(x)) {
                            notes.erase(std::next(it).base());
                            break;
                        }
                    }
                }
                me.state = TcpState::LastAck;
                me.finAcked = false;
            }
        } else if (!me.finSent) {
            me.finSent = true;
            me.finSeq = finSeq;
            const bool peerFinAckedHere = peer.finSent && seqGe(p.ack, peer.finSeq + 1) && isAck;
            if (c.firstCloser < 0) {
                c.firstCloser = x;
            } else if (peer.finSent && !peerFinAckedHere && c.firstCloser == y) {
                c.firstCloser = 2;  // sent before it had the peer's FIN: a simultaneous close
            }
            switch (me.state) {
                case TcpState::CloseWait:
                    if (c.firstCloser == 2) {
                        c.transition(t, x, TcpState::Closing, "close()");
                    } else {
                        if (c.rec)
                            c.note(t, NoteId::ClosePassive, {{"host", c.host(x)}});
                        c.transition(t, x, TcpState::LastAck, "close()");
                    }
                    break;
                case TcpState::SynRecv:
                case TcpState::Established:
                case TcpState::SynSent:
                    if (c.rec)
                        c.note(t, NoteId::CloseActive,
                               {{"host", c.host(x)},
                                {"from", std::string(core::stateName(me.state))}});
                    c.transition(t, x, TcpState::FinWait1, "close()");
                    break;
                default:
                    break;
            }
            switch (peer.state) {
                case TcpState::Established:
                case TcpState::SynRecv:
                    if (c.rec)
                        c.note(
                            t, NoteId::FinReceived,
                            {{"host", c.host(y)}, {"from", "ESTABLISHED"}, {"to", "CLOSE_WAIT"}});
                    c.transition(t, y, TcpState::CloseWait, "rcv FIN");
                    break;
                case TcpState::FinWait1:
                    if (c.rec)
                        c.note(t, NoteId::SimultaneousClose, {{"host", c.host(y)}});
                    c.transition(t, y, TcpState::Closing, "rcv FIN");
                    break;
                case TcpState::FinWait2:
                    c.transition(t, y, TcpState::TimeWait, "rcv FIN");
                    break;
                default:
                    break;
            }
        }
    }
}

std::vector<ConnectionSummary> Tracker::finish() {
    for (std::uint32_t slot = 0; slot < m_slots.size(); ++slot) {
        if (m_slots[slot] && !m_slots[slot]->finished)
            finalize(slot);
    }
    m_map = FlatMap();
    m_expiries.clear();
    return std::move(m_summaries);
}

}  // namespace closelab::capture
