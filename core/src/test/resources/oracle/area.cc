// Oracle for jetbridge active areas: anti-kt clustering with explicit ghosts
// (FastJet's active_area_explicit_ghosts, GhostedAreaSpec(6.0, 1, 0.01)).
// stdin: events in FastJet text format (#END after each event).
// args: R ptmin nruns
// stdout: one line per hard jet and run: "event run pt rapidity phi area area4_pt"; each run uses fresh ghosts
// (FastJet's generator state advances between clusterings), and, per event and run, a line
// "total event run sum_of_all_jet_areas".
#include <fastjet/ClusterSequenceArea.hh>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>
using namespace fastjet;

int main(int argc, char** argv) {
  if (argc != 4) { std::fprintf(stderr, "usage: area R ptmin nruns\n"); return 2; }
  double R = std::atof(argv[1]);
  double ptmin = std::atof(argv[2]);
  int nruns = std::atoi(argv[3]);
  JetDefinition jd(antikt_algorithm, R);
  GhostedAreaSpec spec(6.0, 1, 0.01);
  AreaDefinition ad(active_area_explicit_ghosts, spec);
  std::vector<std::vector<PseudoJet>> events(1);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.rfind("#END", 0) == 0) { if (!events.back().empty()) events.emplace_back(); continue; }
    if (line.empty() || line[0] == '#') continue;
    std::istringstream is(line);
    double px, py, pz, e;
    is >> px >> py >> pz >> e;
    events.back().push_back(PseudoJet(px, py, pz, e));
  }
  if (events.back().empty()) events.pop_back();
  for (size_t iev = 0; iev < events.size(); iev++) {
    for (int run = 0; run < nruns; run++) {
      ClusterSequenceArea cs(events[iev], jd, ad);
      std::vector<PseudoJet> all = cs.inclusive_jets(0.0);
      double total = 0;
      for (const PseudoJet& j : all) total += j.area();
      std::printf("total %zu %d %.12g\n", iev, run, total);
      std::vector<PseudoJet> jets = sorted_by_pt(cs.inclusive_jets(ptmin));
      for (const PseudoJet& j : jets) {
        std::printf("%zu %d %.12g %.12g %.12g %.12g %.12g\n", iev, run, j.pt(), j.rap(), j.phi(), j.area(),
                    j.area_4vector().pt());
      }
    }
  }
  return 0;
}
