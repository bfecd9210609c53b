#!/bin/sh
echo "typed in the editor" > "$1"
