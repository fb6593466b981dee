// `closelab-cli sweep` and the long-run behaviour of `load` and `sweep`: the same bytes
// whatever --jobs is, each point's summary equal to the load's, one-line errors, no progress
// in machine output, and Ctrl-C (SIGINT) ending a long run with exit 130 in bounded time.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_runner.h"

namespace {

using closelab::testing::CliRun;

CliRun cli(const std::string& args) {
    return closelab::testing::runCli(std::string(CLOSELAB_CLI) + " " + args, "sweep_cli");
}

TEST(SweepCli, OutputIsTheSameForOneAndTwoJobs) {
    for (const char* format : {"json", "csv"}) {
        const std::string args = std::string(
                                     "sweep --param rate --values 300,600,900,1200,1500 "
                                     "--param2 tcp_tw_reuse --values2 0,1 "
                                     "--duration 40 --seed 7 --poisson --format ") +
                                 format;
        const CliRun one = cli(args + " --jobs 1");
        const CliRun two = cli(args + " --jobs 2");
        const CliRun four = cli(args + " --jobs 4");
        ASSERT_EQ(one.code, 0) << one.err;
        ASSERT_EQ(two.code, 0) << two.err;
        EXPECT_FALSE(one.out.empty());
        EXPECT_EQ(one.out, two.out) << format;
        EXPECT_EQ(one.out, four.out) << format;
    }
}

TEST(SweepCli, EachPointsSummaryIsTheLoadsSummary) {
    const CliRun r =
        cli("sweep --param port_range --from 100 --to 1000 --steps 3 --rate 50 "
            "--duration 15 --seed 3");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["param"], "port_range");
    EXPECT_EQ(j["values"], nlohmann::json::parse("[100,550,1000]"));
    ASSERT_EQ(j["points"].size(), 3U);
    EXPECT_FALSE(j.contains("values2"));
    // port_range 100 from 32768: the range 32768..32867.
    const CliRun load =
        cli("load --rate 50 --duration 15 --seed 3 --set "
            "'net.ipv4.ip_local_port_range=32768 32867'");
    ASSERT_EQ(load.code, 0) << load.err;
    EXPECT_EQ(j["points"][0]["value"], 100);
    EXPECT_EQ(j["points"][0]["summary"], nlohmann::json::parse(load.out)["summary"]);
    // 100 ports, 60 s TIME_WAIT, 50/s: they run out after 2 s; 1000 ports last the 750.
    EXPECT_GT(j["points"][0]["summary"]["failed"].value("EADDRNOTAVAIL", 0), 0);
    EXPECT_EQ(j["points"][2]["summary"]["failed"].size(), 0U);
}

TEST(SweepCli, TwoParametersGiveValues2AndAPointPerPair) {
    const CliRun r =
        cli("sweep --param server_ports --values 1,2 --param2 loss --values2 "
            "0,0.01,0.02 --rate 100 --duration 5");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["param2"], "loss");
    EXPECT_EQ(j["values2"].size(), 3U);
    ASSERT_EQ(j["points"].size(), 6U);
    EXPECT_EQ(j["points"][1]["value"], 1);
    EXPECT_EQ(j["points"][1]["value2"], 0.01);
    EXPECT_EQ(j["points"][3]["value"], 2);
    EXPECT_EQ(j["points"][3]["value2"], 0.0);
    EXPECT_EQ(j["points"][3]["summary"]["destinations"], 2);
}

TEST(SweepCli, CsvHasOneRowPerPoint) {
    const CliRun r =
        cli("sweep --param tcp_fin_timeout --values 5,30,60 --peer-close never "
            "--rate 20 --duration 20 --format csv");
    ASSERT_EQ(r.code, 0) << r.err;
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t nl = r.out.find('\n'); nl != std::string::npos; nl = r.out.find('\n', start)) {
        lines.push_back(r.out.substr(start, nl - start));
        start = nl + 1;
    }
    ASSERT_EQ(lines.size(), 4U);
    EXPECT_EQ(lines[0].rfind("tcp_fin_timeout,attempted,succeeded,", 0), 0U) << lines[0];
    EXPECT_EQ(lines[1].rfind("5,400,", 0), 0U) << lines[1];
    EXPECT_EQ(lines[3].rfind("60,400,", 0), 0U) << lines[3];
}

TEST(SweepCli, BadInputIsOneLineAndExitTwo) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"--param speed --values 1 --rate 1", "unknown sweep parameter 'speed'"},
        {"--param rate --values 10,abc,30", "expects a number, got 'abc'"},
        {"--param rate --values 10,,30", "expects a number, got ''"},
        {"--param tcp_tw_reuse --values 0,3 --rate 1", "must be between 0 and 2, got '3'"},
        {"--param tcp_tw_reuse --values 0.5 --rate 1", "expects a whole number"},
        {"--param loss --from 0 --to 1 --steps 3 --rate 1", "--to (loss) must be between"},
        {"--param rate --from 1 --to 9 --steps 257", "--steps must be between 1 and 256"},
        {"--param rate --from 1 --to 9 --steps 200 --param2 pool --from2 0 --to2 9 --steps2 10",
         "2000 points, more than the cap of 256 for one parameter and 1024 for two"},
        {"--param rate --values 100000,100000,100000 --duration 300",
         "90000000 connection attempts in all, more than the limit of 50000000"},
        {"--param rate --values 1 --param2 rate --values2 2", "--param2 must name another"},
        {"--values 1,2 --rate 1", "--param NAME is required"},
        {"--param rate --rate 1", "needs --values or all of --from"},
        {"--param rate --values 1 --frobnicate", "sweep: unknown option '--frobnicate'"},
        {"--param rate --values 1 --jobs 0", "--jobs must be between 1 and 256"},
        {"--param rate --values 1 --format xml", "--format must be json or csv"},
    };
    for (const auto& [args, expected] : cases) {
        const CliRun r = cli("sweep " + args);
        EXPECT_EQ(r.code, 2) << args;
        EXPECT_TRUE(r.out.empty()) << args;
        ASSERT_FALSE(r.err.empty()) << args;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << args << ": " << r.err;
        EXPECT_NE(r.err.find(expected), std::string::npos) << args << ": " << r.err;
    }
}

// Runs longer than the 0.5 s after which a terminal shows progress; stderr is a file here.
TEST(RunProgress, NeverInMachineOutputNorOnANonTerminal) {
    for (const char* args :
         {"load --rate 100000 --duration 30 --server-ports 64",
          "sweep --param rate --values 100000,100000,100000,100000 --duration 10 --server-ports 64 "
          "--jobs 1",
          "sweep --param rate --values 100000,100000,100000,100000 --duration 10 --server-ports 64 "
          "--format csv --jobs 2"}) {
        const auto start = std::chrono::steady_clock::now();
        const CliRun r = cli(args);
        const auto took = std::chrono::steady_clock::now() - start;
        ASSERT_EQ(r.code, 0) << args << ": " << r.err;
        EXPECT_EQ(r.err, "") << args;
        EXPECT_EQ(r.out.find('\r'), std::string::npos) << args;
        EXPECT_EQ(r.out.find("simulated"), std::string::npos) << args;
        EXPECT_GT(took, std::chrono::milliseconds(500)) << args << " ended too soon to tell";
    }
}

struct Interrupted {
    int code = -1;
    std::chrono::milliseconds afterSignal{0};
    std::string out;
};

// Starts closelab-cli, sends SIGINT after `delay`, waits at most 5 s for it to end.
Interrupted interruptAfter(const std::vector<std::string>& args, std::chrono::milliseconds delay) {
    const std::string outFile =
        ::testing::TempDir() + "sweep_cli_sigint." + std::to_string(::getpid()) + ".out";
    std::vector<char*> argv;
    std::string bin = CLOSELAB_CLI;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, STDOUT_FILENO);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDERR_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    Interrupted r;
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGINT);
    const auto sent = std::chrono::steady_clock::now();
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        const auto waited = std::chrono::steady_clock::now() - sent;
        if (done == pid) {
            r.afterSignal = std::chrono::duration_cast<std::chrono::milliseconds>(waited);
            r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
            break;
        }
        if (waited > std::chrono::seconds(5)) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            r.afterSignal = std::chrono::duration_cast<std::chrono::milliseconds>(waited);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (FILE* f = std::fopen(outFile.c_str(), "r")) {
        char buf[4096];
        std::size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
            r.out.append(buf, n);
        }
        std::fclose(f);
    }
    std::remove(outFile.c_str());
    return r;
}

// 100,000 attempts/s for 300 s runs for many seconds; Ctrl-C after 300 ms ends it within 2 s.
TEST(RunInterrupt, SigintStopsALongLoadWithExit130) {
    const Interrupted r =
        interruptAfter({"load", "--rate", "100000", "--duration", "300", "--server-ports", "64"},
                       std::chrono::milliseconds(300));
    EXPECT_EQ(r.code, 130);
    EXPECT_LT(r.afterSignal, std::chrono::seconds(2));
    EXPECT_EQ(r.out, "");
}

TEST(RunInterrupt, SigintStopsALongSweepWithExit130) {
    const Interrupted r =
        interruptAfter({"sweep", "--param", "rate", "--values", "50000,60000,70000,80000",
                        "--duration", "100", "--server-ports", "64", "--jobs", "2"},
                       std::chrono::milliseconds(300));
    EXPECT_EQ(r.code, 130);
    EXPECT_LT(r.afterSignal, std::chrono::seconds(2));
    EXPECT_EQ(r.out, "");
}

}  // namespace
