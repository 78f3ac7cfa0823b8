// Times FastJet's clustering for jetbridge's ClusteringBenchmark (our code; FastJet used through its public API).
// Usage: fastjet_timing cpu|wall R PTMIN SECONDS FILE...   (clock: this thread's CPU time, or wall time)
// Each FILE holds events in FastJet text format ("#END" ends an event). For each file: one untimed pass, then
// the events are clustered (anti-kt R, default strategy = Best, E-scheme) round robin until SECONDS have passed;
// prints "FILE ns_per_event checksum".
#include <fastjet/ClusterSequence.hh>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace fastjet;

static std::vector<std::vector<PseudoJet>> read_events(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", path);
    std::exit(2);
  }
  std::vector<std::vector<PseudoJet>> events(1);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("#END", 0) == 0) {
      if (!events.back().empty()) events.emplace_back();
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    std::istringstream is(line);
    double px, py, pz, E;
    if (!(is >> px >> py >> pz >> E)) {
      std::fprintf(stderr, "%s: bad line: %s\n", path, line.c_str());
      std::exit(3);
    }
    events.back().emplace_back(px, py, pz, E);
  }
  if (events.back().empty()) events.pop_back();
  return events;
}

static double cluster(const std::vector<PseudoJet>& ev, const JetDefinition& def, double ptmin) {
  ClusterSequence cs(ev, def);
  std::vector<PseudoJet> jets = sorted_by_pt(cs.inclusive_jets(ptmin));
  return jets.empty() ? 0.0 : jets[0].pt() + jets.size();
}

static bool cpu_clock = true;

static double now() {
  if (cpu_clock) {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: %s cpu|wall R PTMIN SECONDS FILE...\n", argv[0]);
    return 2;
  }
  cpu_clock = std::string(argv[1]) == "cpu";
  double R = std::atof(argv[2]);
  double ptmin = std::atof(argv[3]);
  double seconds = std::atof(argv[4]);
  ClusterSequence::set_fastjet_banner_stream(nullptr);
  JetDefinition def(antikt_algorithm, R);
  for (int f = 5; f < argc; f++) {
    std::vector<std::vector<PseudoJet>> events = read_events(argv[f]);
    double sink = 0;
    for (const auto& ev : events) sink += cluster(ev, def, ptmin);
    long count = 0;
    double t0 = now();
    double elapsed = 0;
    do {
      for (const auto& ev : events) {
        sink += cluster(ev, def, ptmin);
        count++;
      }
      elapsed = now() - t0;
    } while (elapsed < seconds);
    std::printf("%s %.1f %.6g\n", argv[f], elapsed * 1e9 / count, sink);
  }
  return 0;
}
