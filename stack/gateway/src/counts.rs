//! Embedded counts (`select=*,open:tasks(count)&open.status=eq.BLOCKED`), which PostgREST
//! answers as `"open": [{"count": 3}]` with aggregates disabled (Supabase's default) and the
//! local REST server does not answer at all (`column "count" does not exist`).
//!
//! The gateway brings the stack in line: it asks the REST server for the embedded rows' `id`s
//! instead (the embedded filters, aliases and hints stay as they are, so the same rows are
//! selected under the same RLS), and replaces each such list in the answer by its count. What
//! the client receives is PostgREST's shape, and its size does not grow with the rows counted.
//! Every table of this stack has an `id` column, which is what makes `id` a safe stand-in.
//!
//! The counted rows must all arrive, so such a request goes to a REST server instance without
//! the row ceiling (`max_rows`); the gateway puts the ceiling back on everything else the
//! request reads, as `limit`s: the top level and every other embed (PostgREST applies
//! `db-max-rows` to both). The local server applies a filter or limit named by a table
//! (`tasks.limit`) to every embed of that table, aliased or not: a request that embeds one table
//! both counted and listed must alias the list (`n:tasks(count),list:tasks(id)`), as the SDK does.

use serde_json::{json, Value};

/// One select item: the text before its parentheses and, for an embed, what is inside them.
struct Item<'a> {
    head: &'a str,
    inner: Option<&'a str>,
}

/// Splits a select list at its top-level commas, each item into head and embed body.
fn items(select: &str) -> Vec<Item<'_>> {
    let (mut out, mut depth, mut quoted, mut start, mut open) = (Vec::new(), 0i32, false, 0, None);
    let mut push = |from: usize, to: usize, open: Option<usize>| {
        let text = &select[from..to];
        out.push(match open {
            Some(o) if text.ends_with(')') => Item {
                head: &select[from..o],
                inner: Some(&select[o + 1..to - 1]),
            },
            _ => Item {
                head: text,
                inner: None,
            },
        });
    };
    for (i, c) in select.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                push(start, i, open.take());
                start = i + 1;
            }
            _ => {}
        }
    }
    push(start, select.len(), open);
    out
}

/// The key an embed appears under in the answer: its alias, else its relation's name.
fn key(head: &str) -> String {
    let head = head.trim().trim_start_matches("...");
    let name = match head.split_once(':') {
        Some((alias, _)) => alias,
        None => head.split('!').next().unwrap_or(head),
    };
    name.trim().trim_matches('"').to_string()
}

/// Rewrites a select list's embedded counts to `id` lists; `paths` gets where each count sits,
/// `lists` where every other embed does.
fn rewrite(
    select: &str,
    prefix: &[String],
    paths: &mut Vec<Vec<String>>,
    lists: &mut Vec<Vec<String>>,
) -> String {
    items(select)
        .into_iter()
        .map(|it| match it.inner {
            Some(inner) if !it.head.trim().is_empty() => {
                let mut path = prefix.to_vec();
                path.push(key(it.head));
                let head = it.head;
                if inner.trim() == "count" {
                    paths.push(path);
                    format!("{head}(id)")
                } else {
                    let inner = rewrite(inner, &path, paths, lists);
                    lists.push(path);
                    format!("{head}({inner})")
                }
            }
            _ => it.head.to_string(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The query string with embedded counts asked as `id` lists and every other read limited to
/// `cap` rows, and the paths to count in the answer; `None` when the select has no embedded
/// count.
pub fn query(raw: &str, cap: u64) -> Option<(String, Vec<Vec<String>>)> {
    let (mut paths, mut lists) = (Vec::new(), Vec::new());
    let mut out: Vec<String> = raw
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some(("select", value)) => {
                let decoded = crate::normalize::percent_decode(value);
                let select = rewrite(&decoded, &[], &mut paths, &mut lists);
                format!("select={}", crate::normalize::percent_encode(&select))
            }
            _ => pair.to_string(),
        })
        .collect();
    if paths.is_empty() {
        return None;
    }
    // The ceiling, as limits: lowered where asked above it, added where nothing was asked.
    let mut limited = |name: String| {
        let mut found = false;
        for pair in out.iter_mut() {
            if let Some(v) = pair.strip_prefix(&format!("{name}=")) {
                found = true;
                if v.parse::<u64>().map_or(true, |n| n > cap) {
                    *pair = format!("{name}={cap}");
                }
            }
        }
        if !found {
            out.push(format!("{name}={cap}"));
        }
    };
    limited("limit".into());
    for path in lists {
        limited(format!("{}.limit", path.join(".")));
    }
    Some((out.join("&"), paths))
}

/// Replaces the list at `path` (in every row) by `[{"count": n}]`.
pub fn apply(v: &mut Value, path: &[String]) {
    match v {
        Value::Array(rows) => rows.iter_mut().for_each(|r| apply(r, path)),
        Value::Object(row) => match path {
            [last] => {
                if let Some(x) = row.get_mut(last) {
                    let n = match x {
                        Value::Array(a) => a.len(),
                        Value::Null => 0,
                        _ => 1,
                    };
                    *x = json!([{ "count": n }]);
                }
            }
            [first, rest @ ..] => {
                if let Some(child) = row.get_mut(first) {
                    apply(child, rest);
                }
            }
            [] => {}
        },
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_become_id_lists_with_their_paths() {
        let (q, paths) = query(
            "select=*,open:tasks(count),departments(*,b:tasks!tasks_department_id_fkey(count),agents(name))&open.status=eq.BLOCKED&limit=5000&departments.limit=3",
            1000,
        )
        .unwrap();
        assert_eq!(
            crate::normalize::percent_decode(q.split('&').next().unwrap()),
            "select=*,open:tasks(id),departments(*,b:tasks!tasks_department_id_fkey(id),agents(name))"
        );
        assert!(q.ends_with(
            "&open.status=eq.BLOCKED&limit=1000&departments.limit=3&departments.agents.limit=1000"
        ));
        assert_eq!(
            paths,
            vec![
                vec!["open".to_string()],
                vec!["departments".into(), "b".into()]
            ]
        );
        assert!(query("select=*,agents(name)&id=eq.1", 1000).is_none());
        assert!(query("select=count", 1000).is_none());
    }

    #[test]
    fn lists_are_replaced_by_their_count() {
        let mut v = json!([{"id": 1, "open": [{"id": 1}, {"id": 2}], "departments": [{"b": []}, {"b": [{"id": 9}]}]}]);
        apply(&mut v, &["open".into()]);
        apply(&mut v, &["departments".into(), "b".into()]);
        assert_eq!(
            v,
            json!([{"id": 1, "open": [{"count": 2}], "departments": [{"b": [{"count": 0}]}, {"b": [{"count": 1}]}]}])
        );
    }
}
