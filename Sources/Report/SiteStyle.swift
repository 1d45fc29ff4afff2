/// The site's one stylesheet, inlined in every page: no network, no JavaScript, readable on a phone.
enum SiteStyle {
    static let css = """
    :root{--ink:#1a1a1a;--muted:#5f6368;--rule:#dfe2e6;--code:#f5f6f8;--accent:#1a4f8b;--err:#b00020}
    *{box-sizing:border-box}
    body{margin:0;color:var(--ink);background:#fff;font:17px/1.6 "Latin Modern Roman","Computer Modern",Georgia,serif}
    main{max-width:46rem;margin:0 auto;padding:2.5rem 1.25rem 4rem}
    header.title{text-align:center;margin-bottom:2rem}
    header.title h1{font-size:2rem;line-height:1.2;margin:0 0 .4rem}
    .subtitle{font-size:1.2rem;margin:.2rem 0}.author,.date{color:var(--muted);margin:.2rem 0}
    .abstract{text-align:justify;font-size:.95rem;margin:1.5rem 2rem 0}.abstract h2{font-size:.95rem;text-align:center;margin:0}
    h1,h2,h3,h4{line-height:1.25;margin:2rem 0 .6rem}
    a{color:var(--accent)}
    p{margin:.6rem 0;text-align:justify;hyphens:auto}
    pre{background:var(--code);border:1px solid var(--rule);border-radius:4px;padding:.6rem .8rem;overflow-x:auto;
        font:13.5px/1.45 "DejaVu Sans Mono",Menlo,Consolas,monospace}
    code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em}
    pre code{font-size:inherit}
    .output pre{background:#fff;border:0;border-left:2px solid #9aa5b1;border-radius:0}
    .output pre.error{color:var(--err);background:#fdecee;border-left-color:var(--err)}
    figure{margin:1.2rem 0;text-align:center}figure img{max-width:100%;height:auto}
    figcaption{font-size:.92rem;color:var(--muted)}
    .math{font-style:italic}.display-math{text-align:center;margin:1rem 0}
    table{border-collapse:collapse;margin:1rem auto;font-size:.95rem}
    th,td{padding:.25rem .7rem}thead{border-bottom:1px solid var(--ink)}table{border-top:1.5px solid var(--ink);border-bottom:1.5px solid var(--ink)}
    blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--rule);color:var(--muted)}
    nav.files{font-size:.9rem;color:var(--muted);text-align:center;margin-top:.8rem}
    ul.notebooks{list-style:none;padding:0}ul.notebooks li{border-top:1px solid var(--rule);padding:1rem 0;display:flex;gap:1rem}
    ul.notebooks img{width:9rem;height:auto;border:1px solid var(--rule)}ul.notebooks h2{margin:0 0 .3rem;font-size:1.25rem}
    @media (max-width:600px){body{font-size:16px}main{padding:1.2rem .9rem}ul.notebooks li{flex-direction:column}}
    """
}
