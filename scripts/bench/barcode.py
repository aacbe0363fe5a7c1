"""Test sources that carry their frame number in the picture, and the reader for it.

The top 160 rows of every frame hold a 16-bit barcode of the frame number: 16 blocks of
80x80 pixels (most significant bit left, white = 1) and below them the same bits inverted,
so a picture whose blocks do not decode to complementary pairs is rejected instead of
misread. Blocks this big survive JPEG at any quality and the 320-pixel motion-clip GIFs
(20x20 blocks there). The rest of the frame is ffmpeg's moving `testsrc2`, so the encoder
does real work. Sources are encoded once per setting and kept in a cache directory.
"""
import os
import subprocess

BITS = 16


def barcode_filter(width, fps):
    """lavfi graph for the barcode strip, `width` pixels wide, numbered from frame 0."""
    block = width // BITS
    return (f"nullsrc=size={BITS}x2:rate={fps},format=gray,"
            f"geq=lum='255*mod(floor(N/pow(2\\,{BITS - 1}-X))+Y\\,2)',"
            f"scale={width}:{2 * block}:flags=neighbor,format=yuv420p")


def make_source(cache, secs, fps=30, gop=None, width=1280, height=720, kbps=2500):
    """An FLV of `secs` s: x264 main with B-frames (preset veryfast), keyframe every `gop`
    frames (default 2 s), `kbps` kbit/s, AAC 128k; returns its path (cached)."""
    gop = gop or 2 * fps
    os.makedirs(cache, exist_ok=True)
    path = os.path.join(cache, f"barcode-{width}x{height}-{fps}fps-g{gop}-{kbps}k-{secs}s.flv")
    if os.path.exists(path):
        return path
    tmp = path + ".tmp.flv"
    subprocess.run([
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"testsrc2=size={width}x{height}:rate={fps}",
        "-f", "lavfi", "-i", barcode_filter(width, fps),
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-filter_complex", "[0:v][1:v]overlay=0:0:shortest=1[v]",
        "-map", "[v]", "-map", "2:a", "-t", str(secs),
        "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-pix_fmt", "yuv420p",
        "-g", str(gop), "-keyint_min", str(gop), "-sc_threshold", "0",
        "-b:v", f"{kbps}k", "-maxrate", f"{kbps}k", "-bufsize", f"{2 * kbps}k",
        "-c:a", "aac", "-b:a", "128k", "-f", "flv", tmp], check=True)
    os.replace(tmp, path)
    return path


def _decode_rows(raw):
    """Frame numbers from consecutive 2x16 gray block means; None for an unreadable one."""
    out = []
    for i in range(0, len(raw) - 2 * BITS + 1, 2 * BITS):
        top, bottom = raw[i:i + BITS], raw[i + BITS:i + 2 * BITS]
        n = 0
        for a, b in zip(top, bottom):
            if abs(a - b) < 96:  # not a clear black/white pair
                n = None
                break
            n = n * 2 + (1 if a > b else 0)
        out.append(n)
    return out


def read_frames(path, width):
    """Frame numbers shown by every picture of `path` (a JPEG: one; a GIF: each frame).
    `width` is the picture's width; the strip is the top 2/16 of it."""
    block = width // BITS
    raw = subprocess.run([
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-i", path,
        "-vf", f"crop={BITS * block}:{2 * block}:0:0,scale={BITS}:2:flags=area",
        "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "-"], check=True, capture_output=True).stdout
    return _decode_rows(raw)
