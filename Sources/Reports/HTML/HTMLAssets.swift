/// The constant CSS and JavaScript embedded in the HTML report: no network, no fonts, no
/// libraries. The script only sorts and filters tables that are already in the DOM, so no data
/// travels through JavaScript strings.
enum HTMLAssets {
    static let css: StaticString = """
    :root{--fg:#1d232a;--muted:#5b6672;--line:#d9dee4;--heap:#c2410c;--stack:#15803d;--accent:#1d4ed8;--bg:#f7f8fa}
    *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
    header{background:#111827;color:#f9fafb;padding:12px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#cbd5e1;font-size:12px}
    nav{display:flex;gap:4px;padding:8px 24px;background:#e5e7eb;position:sticky;top:0;z-index:2}nav a{padding:4px 10px;border-radius:4px;color:var(--fg);text-decoration:none}nav a:hover{background:#fff}
    main{padding:16px 24px;max-width:1400px}section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin-bottom:16px}
    h2{margin:0 0 8px;font-size:17px}h3{font-size:14px;margin:12px 0 6px}
    .cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:150px}.card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:12px}
    .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{border:1px solid var(--line);border-radius:6px;padding:8px;margin:0}.chart figcaption{font-weight:600;font-size:12px;margin-bottom:4px}
    table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}th{background:#f1f5f9;cursor:pointer;user-select:none;white-space:nowrap}th.num,td.num{text-align:right}
    th[data-dir=asc]::after{content:" \\25B2"}th[data-dir=desc]::after{content:" \\25BC"}
    .filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:6px 0 10px}.filters input[type=search]{width:260px;padding:3px 6px}
    code,pre,.src td.code{font:12px/1.4 ui-monospace,"DejaVu Sans Mono",Menlo,monospace}
    .src{width:auto;min-width:100%}.src td{border:0;padding:0 6px}.src td.ln{color:var(--muted);text-align:right;user-select:none}.src td.code{white-space:pre}.src tr.has td.code{background:#fff7ed}
    .src td.facts{font-size:12px;color:var(--muted);white-space:normal;min-width:280px}
    .fact{display:inline-block;margin:0 4px 2px 0;padding:0 4px;border-radius:3px;background:#eef2ff}.fact.heap{background:#ffedd5;color:var(--heap)}.fact.stack{background:#dcfce7;color:var(--stack)}
    .why{margin:2px 0 4px 12px;color:var(--muted);font-size:11px}
    .fail{color:#b91c1c;font-weight:600}.ok{color:var(--stack);font-weight:600}.muted{color:var(--muted)}
    details>summary{cursor:pointer;font-weight:600;padding:4px 0}
    """

    static let js: StaticString = """
    (function(){
      'use strict';
      function key(cell){var v=cell.getAttribute('data-v');return v===null?cell.textContent:v;}
      var tables=document.querySelectorAll('table.sortable');
      Array.prototype.forEach.call(tables,function(table){
        var heads=table.tHead?table.tHead.rows[0].cells:[];
        Array.prototype.forEach.call(heads,function(th,i){
          th.addEventListener('click',function(){
            var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
            var asc=th.getAttribute('data-dir')!=='asc';
            Array.prototype.forEach.call(heads,function(h){h.removeAttribute('data-dir');});
            th.setAttribute('data-dir',asc?'asc':'desc');
            var numeric=th.classList.contains('num');
            rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);
              var c=numeric?(parseFloat(x)||0)-(parseFloat(y)||0):(x<y?-1:(x>y?1:0));return asc?c:-c;});
            rows.forEach(function(r){body.appendChild(r);});
          });
        });
      });
      function el(id){return document.getElementById(id);}
      function apply(){
        var q=(el('f-text')?el('f-text').value:'').toLowerCase();
        var std=el('f-std')&&el('f-std').checked,gen=el('f-gen')&&el('f-gen').checked;
        var kind=el('f-kind')?el('f-kind').value:'';
        var rows=document.querySelectorAll('tr[data-pkg]');
        Array.prototype.forEach.call(rows,function(r){
          var show=true;
          if(q&&r.textContent.toLowerCase().indexOf(q)<0)show=false;
          if(std&&r.getAttribute('data-std')==='1')show=false;
          if(gen&&r.getAttribute('data-gen')==='1')show=false;
          if(kind&&(' '+(r.getAttribute('data-kinds')||'')+' ').indexOf(' '+kind+' ')<0)show=false;
          r.hidden=!show;
        });
      }
      ['f-text','f-std','f-gen','f-kind'].forEach(function(id){var e=el(id);if(e){e.addEventListener('input',apply);e.addEventListener('change',apply);}});
      apply();
      document.body.setAttribute('data-ready','1');
    })();
    """
}
