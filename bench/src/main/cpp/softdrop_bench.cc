// C++ side of SoftDropBenchmark: the same per-jet work (C/A reclustering with R = 1000 + SoftDrop(beta = 1,
// z_cut = 0.1, R0 = 1) declustering loop) using FastJet's own ClusterSequence and a SoftDrop loop written by us
// (fjcontrib is not installed). Reads the jets written by `SoftDropBenchmark --write-jets FILE` (one jet per
// event), prints the median microseconds of thread CPU time per jet and the same checksum (sum of groomed masses) as the Java side.
//
// Build: g++ -O2 -std=c++17 softdrop_bench.cc $(fastjet-config --cxxflags --libs) -o softdrop_bench
// Run:   ./softdrop_bench FILE [seconds]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <time.h>

#include "fastjet/ClusterSequence.hh"

using fastjet::PseudoJet;

static std::vector<std::vector<PseudoJet>> read_jets(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", path);
    std::exit(1);
  }
  std::vector<std::vector<PseudoJet>> jets(1);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("#END", 0) == 0) {
      if (!jets.back().empty()) jets.emplace_back();
      continue;
    }
    if (line[0] == '#') continue;
    std::istringstream s(line);
    double px, py, pz, e;
    s >> px >> py >> pz >> e;
    jets.back().emplace_back(px, py, pz, e);
  }
  if (jets.back().empty()) jets.pop_back();
  return jets;
}

// Groomed-jet mass of SoftDrop in grooming mode (scalar_z, strict inequality, larger_pt recursion).
static double softdrop_mass(const std::vector<PseudoJet>& constituents, double beta, double zcut) {
  static const fastjet::JetDefinition ca(fastjet::cambridge_algorithm, 1000.0);
  fastjet::ClusterSequence cs(constituents, ca);
  std::vector<PseudoJet> top = cs.inclusive_jets(0.0);
  PseudoJet current = top[0];
  for (size_t i = 1; i < top.size(); ++i)
    if (top[i].pt2() > current.pt2()) current = top[i];
  PseudoJet j1, j2;
  while (current.has_parents(j1, j2)) {
    if (j1.pt2() < j2.pt2()) std::swap(j1, j2);
    double pt1 = j1.pt(), pt2 = j2.pt();
    double z = pt2 / (pt1 + pt2);
    double dr2 = j1.squared_distance(j2);
    if (z > zcut * std::pow(dr2, 0.5 * beta)) break;
    current = j1;
  }
  return current.m();
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s JETS_FILE [seconds]\n", argv[0]);
    return 2;
  }
  fastjet::ClusterSequence::set_fastjet_banner_stream(nullptr);
  std::vector<std::vector<PseudoJet>> jets = read_jets(argv[1]);
  double seconds = argc > 2 ? std::atof(argv[2]) : 2.0;
  using clock = std::chrono::steady_clock;
  // thread CPU time, as on the Java side: robust when other processes share the cores
  auto cpu_us = []() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec * 1e-3;
  };
  auto run = [&]() {
    double s = 0;
    for (const auto& j : jets) s += softdrop_mass(j, 1.0, 0.1);
    return s;
  };
  double sink = 0;
  auto warm_end = clock::now() + std::chrono::duration<double>(seconds);
  while (clock::now() < warm_end) sink += run();
  std::vector<double> per_jet, wall;
  for (int r = 0; r < 5; ++r) {
    auto t0 = clock::now();
    double c0 = cpu_us();
    auto end = t0 + std::chrono::duration<double>(0.5 * seconds);
    long calls = 0;
    do {
      sink += run();
      ++calls;
    } while (clock::now() < end);
    double us = std::chrono::duration<double, std::micro>(clock::now() - t0).count();
    per_jet.push_back((cpu_us() - c0) / (calls * jets.size()));
    wall.push_back(us / (calls * jets.size()));
  }
  std::sort(per_jet.begin(), per_jet.end());
  std::sort(wall.begin(), wall.end());
  std::printf("%zu jets x %zu constituents (first jet), FastJet %s\n", jets.size(), jets[0].size(),
              fastjet::fastjet_version_string().c_str());
  std::printf("%-50s %10.2f us/jet CPU (rounds %.2f..%.2f; wall %.2f) checksum %.6g\n",
              "FastJet C/A reclustering + SoftDrop(b=1, z=0.1)", per_jet[2], per_jet[0], per_jet[4], wall[2], run());
  if (std::isnan(sink)) std::printf("(NaN checksum)\n");
  return 0;
}
