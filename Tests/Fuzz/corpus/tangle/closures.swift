{ print("block") }()
let c = { (a: Int) -> Int in
    if a > 0 { return a }
    return -a
}
print(c(-2))
if true { print(1) } else { print(2) }
switch 3 { case 1: print("a"); default: break }
do { try check() } catch { print(error) }
