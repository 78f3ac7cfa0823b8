// Oracle for SplittingScalesOracleTest / SoftDrop: reads jets (FastJet text format, one jet per event, #END
// separated) on stdin; for each jet prints one line:
//   sqrt_d12 sqrt_d23 then, for each SoftDrop setting given on the command line as beta,zcut,R0 triples,
//   groomed pt, groomed m, zg, rg.
// Splitting scales: kt, E-scheme, R = 1000; sqrt(exclusive_dmerge(n) * R^2) (FastJet normalises d_ij by R^2).
// SoftDrop: our own declustering loop on FastJet's C/A (R = 1000) tree (fjcontrib is not available).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "fastjet/ClusterSequence.hh"

using fastjet::PseudoJet;

struct Setting {
  double beta, zcut, r0;
};

static void process(const std::vector<PseudoJet>& c, const std::vector<Setting>& settings) {
  const double R = 1000.0;
  fastjet::ClusterSequence kt(c, fastjet::JetDefinition(fastjet::kt_algorithm, R));
  double d12 = c.size() > 1 ? std::sqrt(kt.exclusive_dmerge(1) * R * R) : 0.0;
  double d23 = c.size() > 2 ? std::sqrt(kt.exclusive_dmerge(2) * R * R) : 0.0;
  std::printf("%.17g %.17g", d12, d23);
  fastjet::ClusterSequence ca(c, fastjet::JetDefinition(fastjet::cambridge_algorithm, R));
  PseudoJet root = fastjet::sorted_by_pt(ca.inclusive_jets(0.0))[0];
  for (const Setting& s : settings) {
    PseudoJet cur = root, j1, j2;
    double zg = -1, rg = -1;
    while (cur.has_parents(j1, j2)) {
      if (j1.pt2() < j2.pt2()) std::swap(j1, j2);
      double z = j2.pt() / (j1.pt() + j2.pt());
      double dr2 = j1.squared_distance(j2);
      if (z > s.zcut * std::pow(dr2 / (s.r0 * s.r0), 0.5 * s.beta)) {
        zg = z;
        rg = std::sqrt(dr2);
        break;
      }
      cur = j1;
    }
    std::printf(" %.17g %.17g %.17g %.17g", cur.pt(), cur.m(), zg, rg);
  }
  std::printf("\n");
}

int main(int argc, char** argv) {
  fastjet::ClusterSequence::set_fastjet_banner_stream(nullptr);
  std::vector<Setting> settings;
  for (int i = 1; i < argc; ++i) {
    Setting s;
    if (std::sscanf(argv[i], "%lf,%lf,%lf", &s.beta, &s.zcut, &s.r0) != 3) {
      std::fprintf(stderr, "argument %d: expected beta,zcut,R0, got %s\n", i, argv[i]);
      return 2;
    }
    settings.push_back(s);
  }
  std::vector<PseudoJet> cur;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty() || line.rfind("#END", 0) == 0) {
      if (!cur.empty()) process(cur, settings);
      cur.clear();
      continue;
    }
    std::istringstream in(line);
    double px, py, pz, e;
    in >> px >> py >> pz >> e;
    cur.emplace_back(px, py, pz, e);
  }
  if (!cur.empty()) process(cur, settings);
  return 0;
}
