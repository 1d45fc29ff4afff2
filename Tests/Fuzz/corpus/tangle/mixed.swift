let x = 1
print(x)
let y = [1, 2, 3].map { $0 * x }
guard y.count == 3 else { fatalError("no") }
for v in y where v > 1 { print(v) }
%%
var s = 0
for i in 0..<10 { s += i }
show(s)
