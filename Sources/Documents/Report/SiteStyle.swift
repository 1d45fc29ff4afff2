/// The site's one stylesheet, inlined in every page: no network, no JavaScript, readable on a phone.
enum SiteStyle {
    static let css = """
        :root{--ink:#1a1a1a;--muted:#5f6368;--rule:#dfe2e6;--code:#f5f6f8;--accent:#1a4f8b;--err:#b00020}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;color:var(--ink);background:#fff;font:17px/1.6 "Latin Modern Roman","Computer Modern",Georgia,serif}
        main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 4rem;overflow-wrap:break-word}
        nav.files{font-size:.85rem;color:var(--muted);text-align:right;margin-bottom:1.5rem}
        header.title{text-align:center;margin-bottom:2rem}
        header.title h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}
        header.title p{text-align:center;margin:.2rem 0}
        .subtitle{font-size:1.2rem}.author,.date{color:var(--muted)}
        .abstract{font-size:.95rem;margin:1.5rem 2rem 0}.abstract h2{font-size:.95rem;text-align:center;margin:0}
        header.title .abstract p{text-align:justify;hyphens:auto;-webkit-hyphens:auto}
        h1,h2,h3,h4,h5,h6{line-height:1.25;margin:2rem 0 .6rem}
        .secnum{margin-right:.6em}
        a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
        p{margin:.6rem 0;text-align:justify;hyphens:auto;-webkit-hyphens:auto}
        nav.toc{margin:1.5rem 0 2rem}nav.toc h2{font-size:1.2rem;margin:0 0 .4rem}
        nav.toc ul{list-style:none;padding:0;margin:0}nav.toc li{margin:.15rem 0}
        nav.toc .toc1{font-weight:bold;margin-top:.4rem}nav.toc .toc2{padding-left:1.6rem}nav.toc .toc3{padding-left:3.2rem}
        pre{background:var(--code);border:1px solid var(--rule);border-radius:4px;padding:.6rem .8rem;overflow-x:auto;
            font:13.5px/1.45 "DejaVu Sans Mono",Menlo,Consolas,monospace}
        code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em}
        pre code{font-size:inherit}
        .output pre{background:#fff;border:0;border-left:2px solid #9aa5b1;border-radius:0}
        .output pre.error{color:var(--err);background:#fdecee;border-left-color:var(--err)}
        figure{margin:1.4rem 0;text-align:center}figure img{max-width:100%;height:auto;display:block;margin:0 auto}
        .figfiles{display:block;font-size:.75rem;margin-top:.2rem}.figfiles a{margin:0 .3rem;color:var(--muted)}
        figcaption,.caption{font-size:.92rem;text-align:center;margin:.4rem auto 0;max-width:36rem}
        .label{font-weight:bold}
        .math{font-style:italic;white-space:nowrap}
        .display-math{text-align:center;margin:1rem 0;position:relative;padding:0 3rem;overflow-x:auto;overflow-y:hidden}
        .eqno{position:absolute;right:0;font-style:normal}
        .unresolved{color:var(--err);font-weight:bold}
        .table{overflow-x:auto}
        table{border-collapse:collapse;margin:1rem auto;font-size:.95rem;border-top:1.5px solid var(--ink);border-bottom:1.5px solid var(--ink)}
        caption{font-size:.92rem;padding-bottom:.4rem}
        th,td{padding:.25rem .7rem;text-align:left}.num{text-align:right;font-variant-numeric:tabular-nums}thead{border-bottom:1px solid var(--ink)}
        blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--rule);color:var(--muted)}
        ul.tasks{list-style:none;padding-left:1.2rem}.task{margin-right:.2rem}
        .footnotes{font-size:.9rem;margin-top:3rem}.footnotes hr{width:33%;margin:0;border:0;border-top:1px solid var(--rule)}
        .footnotes p{display:inline;margin:0}.back{margin-left:.3rem}
        sup.fnref{line-height:0}
        ul.notebooks{list-style:none;padding:0}ul.notebooks li{border-top:1px solid var(--rule);padding:1.2rem 0;display:flex;gap:1.2rem;align-items:flex-start}
        ul.notebooks img{width:10rem;height:auto;border:1px solid var(--rule);border-radius:3px}
        ul.notebooks h2{margin:0 0 .2rem;font-size:1.25rem}ul.notebooks p{margin:.2rem 0;text-align:left;font-size:.95rem}
        ul.notebooks .date{color:var(--muted)}footer{margin-top:3rem;font-size:.8rem;color:var(--muted);text-align:center}
        .references .csl-entry{margin:.45rem 0}.references .csl-entry p{margin:0;text-align:left}.hanging-indent .csl-entry{padding-left:1.5em;text-indent:-1.5em}
        .csl-left-margin{float:left;min-width:2.2em;padding-right:.5em}.csl-right-inline{margin-left:2.7em}
        @media (max-width:600px){body{font-size:16px}p{text-align:left}main{padding:1rem .9rem 3rem}.abstract{margin:1rem 0 0}
          ul.notebooks li{flex-direction:column}ul.notebooks img{width:100%}.display-math{padding:0 2.2rem}
          nav.toc .toc3{padding-left:2.4rem}}
        """

    /// The start of every page up to `<body>`: one place for the document head. `description`
    /// and `extraCSS` are already-escaped / trusted strings from the report itself.
    static func pageHead(title: String, description: String? = nil, extraCSS: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Folio">
        <title>\(HTML.escape(title))</title>
        \(description.map { "<meta name=\"description\" content=\"\(HTML.escape($0))\">\n" } ?? "")<style>\(css)\(extraCSS)</style>
        </head>
        <body>
        """
    }
}
