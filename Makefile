# Shiftcraft: `make run` starts the application, `make check` runs every test.
# Both install the system packages they need first (Debian 12, apt-get).

BUILDDIR ?= _build
MESON ?= meson

.PHONY: all deps setup build run check bench install clean update-po

all: build

deps:
	@sh build-aux/install-deps.sh

$(BUILDDIR)/build.ninja: | deps
	$(MESON) setup $(BUILDDIR) --prefix=/usr/local

setup: deps $(BUILDDIR)/build.ninja

build: setup
	$(MESON) compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data SHIFTCRAFT_LOCALEDIR=$(CURDIR)/$(BUILDDIR)/po \
	  ./$(BUILDDIR)/src/shiftcraft

check: build
	$(MESON) test -C $(BUILDDIR) --print-errorlogs --num-processes 2

bench: build
	$(MESON) test -C $(BUILDDIR) --benchmark --verbose

update-po: setup
	$(MESON) compile -C $(BUILDDIR) shiftcraft-pot shiftcraft-update-po

install: build
	$(MESON) install -C $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR)
