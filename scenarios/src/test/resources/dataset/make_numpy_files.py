"""Writes the NumPy reference files read by NumpyCompatibilityTest (run from this directory; numpy >= 1.17).

numpy-dataset.npz  np.savez_compressed (deflated entries), a channel dataset with heterogeneous antennas and V0:
                   S=2 samples, I=3 UEs with N=[1, 2, 2], d=[1, 1, 2], K=2 BSs with M=[2, 3], serving BS [0, 1, 1].
                   Values are dyadic rationals, so the test can recompute them exactly:
                   H[s,i,k,n,m]  = (s + i/4 + k/8 + n/16 + m/32) + 1j * -(1 + s/2 + m/4) inside N_i x M_k, else 0
                   V0[s,i,m,j]   = (m + j/2 + s/4) + 1j * (i/8)     inside M_{k_i} x d_i, else 0
                   bs_power[s,k] = 2**k * (s + 1);  noise_power[s,i] = 2**-(10 + i) * (s + 1)
                   weights[s,i]  = 1 + i/2 + s/4
numpy-misc.npz     np.savez (stored entries) plus one entry written in .npy format 2.0 by hand:
                   carrier_hz 0-d <f8 3.5e9, slot_s 0-d <f8 0.001, count 0-d <i4 -7, empty (0,) <f8,
                   z (2, 3) <c16 z[r,c] = r - c/2 + 1j * (r * c + 0.25), ints (2, 2, 2) <i4 arange(8) - 4,
                   v2 (3,) <f8 [1.5, -0.0, 2**-1074] in format 2.0.
"""
import io
import zipfile

import numpy as np

S, N, M, D, SERVING = 2, [1, 2, 2], [2, 3], [1, 1, 2], [0, 1, 1]
I, K = len(N), len(M)
H = np.zeros((S, I, K, max(N), max(M)), dtype='<c16')
V0 = np.zeros((S, I, max(M), max(D)), dtype='<c16')
for s in range(S):
    for i in range(I):
        for k in range(K):
            for n in range(N[i]):
                for m in range(M[k]):
                    H[s, i, k, n, m] = complex(s + i / 4 + k / 8 + n / 16 + m / 32, -(1 + s / 2 + m / 4))
        for m in range(M[SERVING[i]]):
            for j in range(D[i]):
                V0[s, i, m, j] = complex(m + j / 2 + s / 4, i / 8)
np.savez_compressed(
    'numpy-dataset.npz',
    H=H,
    ue_antennas=np.array(N, dtype='<i4'),
    bs_antennas=np.array(M, dtype='<i4'),
    serving_bs=np.array(SERVING, dtype='<i4'),
    streams=np.array(D, dtype='<i4'),
    bs_power=np.array([[2.0 ** k * (s + 1) for k in range(K)] for s in range(S)], dtype='<f8'),
    noise_power=np.array([[2.0 ** -(10 + i) * (s + 1) for i in range(I)] for s in range(S)], dtype='<f8'),
    weights=np.array([[1 + i / 2 + s / 4 for i in range(I)] for s in range(S)], dtype='<f8'),
    V0=V0,
)

np.savez(
    'numpy-misc.npz',
    carrier_hz=np.array(3.5e9),
    slot_s=np.array(0.001),
    count=np.array(-7, dtype='<i4'),
    empty=np.zeros((0,), dtype='<f8'),
    z=np.array([[complex(r - c / 2, r * c + 0.25) for c in range(3)] for r in range(2)], dtype='<c16'),
    ints=(np.arange(8, dtype='<i4') - 4).reshape(2, 2, 2),
)
buf = io.BytesIO()
np.lib.format.write_array(buf, np.array([1.5, -0.0, 2.0 ** -1074]), version=(2, 0))
with zipfile.ZipFile('numpy-misc.npz', 'a') as zf:
    zf.writestr('v2.npy', buf.getvalue())
