import Graphics

extension Color {
    /// This colour with its opacity multiplied by a mark's `alpha` (nil leaves it as it is).
    func faded(_ alpha: Double?) -> Color {
        guard let alpha else { return self }
        return withAlpha(self.alpha * min(max(alpha, 0), 1))
    }
}
