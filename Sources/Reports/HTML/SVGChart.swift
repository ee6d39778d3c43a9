/// Inline SVG charts built as DOM nodes (so labels are escaped like any other text).
enum SVGChart {
    /// A horizontal bar chart of labelled values.
    static func bars(into parent: XMLNode, title: String, values: [(label: String, value: Int, heap: Bool)]) {
        let fig = parent.add("figure", nil, ["class": "chart", "data-chart": "bars"])
        fig.add("figcaption", title)
        let rowH = 18, labelW = 150, barW = 260
        let h = max(rowH, values.count * rowH) + 4
        let svg = fig.add("svg", nil, ["xmlns": "http://www.w3.org/2000/svg", "width": String(labelW + barW + 60),
                                       "height": String(h), "viewBox": "0 0 \(labelW + barW + 60) \(h)",
                                       "role": "img"])
        svg.add("title", title)
        let maxV = max(1, values.map(\.value).max() ?? 1)
        for (i, v) in values.enumerated() {
            let y = i * rowH + 2
            svg.add("text", v.label, ["x": String(labelW - 6), "y": String(y + 13), "text-anchor": "end", "font-size": "11"])
            let w = max(1, v.value * barW / maxV)
            svg.add("rect", nil, ["x": String(labelW), "y": String(y + 2), "width": String(w), "height": String(rowH - 5),
                                  "fill": v.heap ? "#ea580c" : "#3b82f6"])
            svg.add("text", String(v.value), ["x": String(labelW + w + 4), "y": String(y + 13), "font-size": "11"])
        }
    }

    /// A line chart of one or more series over runs (x = run index).
    static func lines(into parent: XMLNode, title: String, labels: [String],
                      series: [(name: String, color: String, values: [Int])]) {
        let fig = parent.add("figure", nil, ["class": "chart", "data-chart": "trend"])
        fig.add("figcaption", title)
        let w = 460, h = 200, left = 40, right = 12, top = 10, bottom = 36
        let svg = fig.add("svg", nil, ["xmlns": "http://www.w3.org/2000/svg", "width": String(w), "height": String(h),
                                       "viewBox": "0 0 \(w) \(h)", "role": "img"])
        svg.add("title", title)
        let maxV = max(1, series.flatMap(\.values).max() ?? 1)
        let n = max(1, labels.count)
        let plotW = w - left - right, plotH = h - top - bottom
        func x(_ i: Int) -> Int { n == 1 ? left + plotW / 2 : left + i * plotW / (n - 1) }
        func y(_ v: Int) -> Int { top + plotH - v * plotH / maxV }
        svg.add("line", nil, ["x1": String(left), "y1": String(top + plotH), "x2": String(left + plotW), "y2": String(top + plotH), "stroke": "#94a3b8"])
        svg.add("line", nil, ["x1": String(left), "y1": String(top), "x2": String(left), "y2": String(top + plotH), "stroke": "#94a3b8"])
        svg.add("text", String(maxV), ["x": String(left - 4), "y": String(top + 4), "text-anchor": "end", "font-size": "10"])
        svg.add("text", "0", ["x": String(left - 4), "y": String(top + plotH), "text-anchor": "end", "font-size": "10"])
        let step = max(1, labels.count / 8)
        for (i, label) in labels.enumerated() where i % step == 0 || i == labels.count - 1 {
            svg.add("text", label, ["x": String(x(i)), "y": String(top + plotH + 14), "text-anchor": "middle", "font-size": "10"])
        }
        for (si, s) in series.enumerated() {
            let points = s.values.enumerated().map { "\(x($0.offset)),\(y($0.element))" }.joined(separator: " ")
            svg.add("polyline", nil, ["points": points, "fill": "none", "stroke": s.color, "stroke-width": "2"])
            for (i, v) in s.values.enumerated() {
                let c = svg.add("circle", nil, ["cx": String(x(i)), "cy": String(y(v)), "r": "3", "fill": s.color])
                c.add("title", "\(s.name) \(labels.indices.contains(i) ? labels[i] : ""): \(v)")
            }
            svg.add("text", s.name, ["x": String(left + 8 + si * 130), "y": String(h - 4), "font-size": "11", "fill": s.color])
        }
    }
}
