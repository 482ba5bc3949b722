/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-roster-problem.h"
#include "sc-roster-score.h"

G_BEGIN_DECLS

/*
 * The roster solver: construction, then a large-neighbourhood search.
 *
 * Every person's hard rules concern their own row only, so the search keeps
 * each row feasible and moves in the space of feasible rows: it frees the
 * rows of a few people (whole horizon or a window of days), and puts them
 * back one by one, each by an exact branch-and-bound over that row (a
 * resource-constrained shortest path whose arc costs are the marginal cover
 * and request costs given everyone else, plus, with fairness, the row's
 * exact fairness cost given everyone else at its end; states already searched at a
 * lower cost are cut off by a memo, and branches that can no longer reach
 * the minimum minutes by a capacity table). Moves free 1–3 whole rows (on
 * horizons longer than four weeks: rows over four weeks), half the people
 * over 2–5 days, or 2–6 people over 5–14 days; about half of them are
 * aimed at a day short of people and include people off on that day.
 * After the re-insertion, the freed rows are re-solved in turn, each given
 * the others, until a pass gains nothing. Other moves: two people's rows
 * re-solved together over 7–14 days (a branch and bound over both rows at
 * once, whose bound adds up the two rows' own bounds; kept only when it
 * gains); ejection chains for cover (someone is made to work a shift short
 * of people, their row re-solved around it, and the shift they give up, if
 * now short, passed on to the next of up to four people, the better of two
 * tried for each link); and after every move, block swaps (two people
 * exchange their shifts over 1–7 days when both rows stay within the rules
 * and the roster is no worse). The result is accepted by
 * simulated annealing in cycles of falling temperature (four cycles over
 * the time limit, or cycles of a fixed number of iterations when
 * max_iterations is set), each cycle starting again from the best roster.
 * The first roster is built row by row with a small search budget, raised
 * only for a person no feasible row was found for.
 *
 * Without fairness (the objective is then a sum over rows and over covers)
 * and with at most a few hundred covers, the search also works on
 * the linear relaxation of the problem as a choice of one feasible row per
 * person (column generation: a revised simplex over the rows found so far,
 * and the row search above, day by day over labels, with the covers' dual
 * values as costs, to find the rows that would lower it). Its value, plus
 * every person's least reduced cost, is a lower bound of the objective
 * (ScRosterSolverStats): when the best roster reaches it, the search
 * stops, the roster being optimal. From the relaxation, dives take whole
 * rows of largest fractional value (or forbid one of their cells), the
 * simplex going on from its last basis, and look for rosters first near
 * the relaxation, then below the first roster; then, straight after and at
 * every half cycle of the annealing, around the best roster (the cells
 * where it agrees with the relaxation's integral part stay fixed, and
 * after the first time two people chosen at random are free as well).
 * Each of these runs within a budget of nodes and, with a time limit, of a
 * share of it. Where the relaxation was slow to solve (many people or a
 * long horizon), a dive that takes a row takes along every other person's
 * row of value over one half; so too, for the rest of that search, a dive
 * whose last nodes' pace would not reach a roster within its share. Where the master problem has more than 360
 * rows (covers and people), the dense simplex cannot dive within a
 * minute: up to 600, the relaxation runs alone, within 40 % of the time
 * limit, and each person's column of highest value in it makes a first
 * roster (each person's work spread over the horizon as the relaxation
 * spreads it, which the local search and the windows do not find alone);
 * so too where a smaller relaxation runs out of its share of the time far
 * from its bound. With more rows the local search runs alone until 40 %
 * of the time limit. From 40 %
 * to 90 %, in every case, it alternates with rounds of the same column
 * generation over windows of the horizon, the other days keeping the best
 * roster: two weeks in turn from the start, two single weeks (one where
 * people are short, one where there are too many: minimum minutes keep
 * work from moving within one block) and weekends with the days either
 * side (a weekend worked counts whole against the limit). Whichever gained
 * faster in its last turn has the next. No row search, nor any pricing,
 * runs past the time limit. A person
 * whose row cannot be made feasible keeps a row that breaks rules (the
 * search then minimises hard penalties first); the row kept is the last
 * one tried, so the roster returned is the one with the fewest hard
 * penalties found.
 *
 * Determinism: every decision depends on the seed and on the iteration
 * count only (never on the clock), so the same problem, seed, initial
 * roster and number of iterations give the same roster. A run stopped by
 * max_iterations is therefore reproducible; a run stopped by the time limit
 * or the cancellable returns the best roster of however many iterations
 * fitted. With n_threads > 1, thread i runs the whole search above
 * independently with seed seed + i and the best roster is kept (ties:
 * lowest i), which again is reproducible when every thread ends by
 * max_iterations. The threads share only the lower bound: a thread stops
 * when its own best roster reaches it, and in a run bounded by time alone
 * (no max_iterations) also when another's does. Runs with different seeds
 * end apart on some problems (their dives and windows find different
 * rosters), and the best of two lands far less often on the worse end. In
 * a run bounded by time alone, when the threads get less than a core each
 * (other work on the machine, measured over 2 s by the process's processor
 * time), every thread but the first stops: one search at full speed does
 * better than two at half.
 */

/* Called from the solving thread(s), serialised: best roster so far and the
 * fraction of the budget used (time or iterations, whichever is further) */
typedef void (*ScRosterProgressFunc) (int      best_hard_violations,
                                      gint64   best_objective,
                                      double   fraction,
                                      gpointer user_data);

typedef struct
{
  guint32               seed;
  double                time_limit;       /* seconds; ≤ 0: none */
  gint64                max_iterations;   /* 0: none (then set a time limit) */
  int                   n_threads;        /* ≥ 1 */
  ScRosterProgressFunc  progress;
  gpointer              progress_data;
} ScRosterSolverOptions;

typedef struct
{
  gint64  iterations;        /* summed over threads */
  double  seconds;
  double  seconds_to_best;
  int     hard_violations;
  gint64  objective;
  gint64  lower_bound;       /* of the objective (column generation), or −1 */
  int     windows;           /* windows of days searched by column generation */
} ScRosterSolverStats;

void              sc_roster_solver_options_init (ScRosterSolverOptions       *options);
/* The searches worth running at once on this machine: one a core, at most
 * two (each holds its own copy of the problem's working state) */
int               sc_roster_solver_threads      (void);

/* Returns the best roster found (never NULL for a valid problem). @initial
 * (optional) is a starting roster; locked cells are imposed on it. */
ScRosterSolution *sc_roster_solve               (const ScRosterProblem       *problem,
                                                 const ScRosterSolution      *initial,
                                                 const ScRosterSolverOptions *options,
                                                 GCancellable                *cancellable,
                                                 ScRosterSolverStats         *stats);

/* The same in a thread; @problem and @initial must stay alive and unchanged
 * until the callback has run. */
void              sc_roster_solve_async         (const ScRosterProblem       *problem,
                                                 const ScRosterSolution      *initial,
                                                 const ScRosterSolverOptions *options,
                                                 GCancellable                *cancellable,
                                                 GAsyncReadyCallback          callback,
                                                 gpointer                     user_data);
ScRosterSolution *sc_roster_solve_finish        (GAsyncResult                *result,
                                                 GError                     **error);

G_END_DECLS
