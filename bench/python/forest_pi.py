"""Forest management (examples/forest.rlspec: S=3, r1=4, r2=2, p=0.1, gamma=0.96) solved by policy iteration
with numpy, the way a researcher would write it: dense P[a] and R, exact evaluation by a linear solve, greedy
improvement until the policy is stable. The Python side of docs/performance.md's time-to-first-answer comparison.

    /usr/bin/python3 bench/python/forest_pi.py
"""
import numpy as np

S, r1, r2, p, gamma = 3, 4.0, 2.0, 0.1, 0.96
WAIT, CUT = 0, 1

P = np.zeros((2, S, S))
R = np.zeros((S, 2))
for s in range(S):
    P[WAIT, s, 0] += p
    P[WAIT, s, min(s + 1, S - 1)] += 1 - p
    P[CUT, s, 0] = 1.0
R[S - 1, WAIT] = r1
R[S - 1, CUT] = r2
R[1:S - 1, CUT] = 1.0

policy = np.zeros(S, dtype=int)
while True:
    P_pi = P[policy, np.arange(S), :]
    r_pi = R[np.arange(S), policy]
    v = np.linalg.solve(np.eye(S) - gamma * P_pi, r_pi)
    q = R + gamma * np.einsum("ast,t->sa", P, v)
    improved = np.argmax(q, axis=1)
    # Keep the current action on ties (no cycling).
    improved = np.where(q[np.arange(S), improved] > q[np.arange(S), policy] + 1e-12, improved, policy)
    if np.array_equal(improved, policy):
        break
    policy = improved

for s in range(S):
    print(f"(age={s})  {v[s]:.6f}  {'wait' if policy[s] == WAIT else 'cut'}")
