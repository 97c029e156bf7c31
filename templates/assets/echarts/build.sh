#!/bin/sh
# Rebuilds echarts.min.js from entry.js with pinned versions. Needs node and npm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/entry.js" "$work/"
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund echarts@5.6.0 esbuild@0.28.2
npx esbuild entry.js --bundle --minify --format=iife --legal-comments=none --outfile=bundle.js
{
  printf '/*! Apache ECharts 5.6.0 (Apache-2.0) with ZRender 5.6.1 (BSD-3-Clause) and tslib 2.3.0 (0BSD); custom workin build, see README.md in this folder */\n'
  cat bundle.js
} >"$here/echarts.min.js"
cp node_modules/echarts/LICENSE "$here/LICENSE-echarts"
cp node_modules/echarts/NOTICE "$here/NOTICE-echarts"
cp node_modules/zrender/LICENSE "$here/LICENSE-zrender"
cp node_modules/tslib/LICENSE.txt "$here/LICENSE-tslib"
sha256sum "$here/echarts.min.js"
