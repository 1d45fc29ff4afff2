let xs = [3, 1, 2]
    .sorted()
    .map { v in
        v * 2
    }
let n = xs
    as [Int]
print(n.reduce(0) { $0 + $1 })
let ok = n is [Int]
xs.forEach {
    print($0)
}
