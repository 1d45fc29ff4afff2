defer { print("bye") }
let v = try? JSONDecoder().decode([Int].self, from: Data("[1]".utf8))
outer: for i in 0..<3 { for j in 0..<3 { if i == j { continue outer } } }
#if DEBUG
print("debug")
#endif
%%
@discardableResult func g() -> Int { 1 }
guard let z = Optional(3) else { fatalError() }
print(z)
