//! A deterministic pseudo-random stream for the generated details.

/// SplitMix64's finaliser: scatters the bits of a number.
pub(super) fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A deterministic pseudo-random stream: a 64-bit LCG, mixed on output.
pub(super) struct Lcg(u64);

impl Lcg {
    pub(super) fn new(seed: u64) -> Lcg {
        Lcg(mix(seed))
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        mix(self.0)
    }

    /// A number in `0..bound`.
    pub(super) fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }

    pub(super) fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// Upper-case hexadecimal digits.
    pub(super) fn hex(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b"0123456789ABCDEF"[self.below(16) as usize]))
            .collect()
    }
}
